import Dispatch
import Synchronization

/// A sleep that gives its memory back the moment it is cancelled.
///
/// `Task.sleep` on Linux queues its wake-up with `dispatch_after`, which cannot be taken back: a
/// cancelled sleep keeps its task and its Dispatch source. The time limit sleeps once per request
/// and is cancelled as soon as the answer is ready, so under load those sleeps piled up (valgrind
/// showed them) and the server's memory grew by about 0.7 KB a request (docs/benchmarks.md,
/// "ipt serve"). This sleep waits on a Dispatch timer source instead, and
/// cancelling the task cancels the source, which frees it.
enum RequestTimer {
  /// The queue the timers fire on: the wake-up only resumes a continuation.
  static let queue = DispatchQueue(label: "ipt-serve.request-timer")

  /// The waiting continuation, resumed once: when the timer fires, or when the task is
  /// cancelled, whichever comes first, even if that happens before the task starts waiting.
  private final class Waiter: Sendable {
    private let slot = Mutex<Slot>(.starting)

    private enum Slot {
      case starting
      case waiting(CheckedContinuation<Void, any Error>)
      /// Fired (false) or cancelled (true) before the task waited.
      case ended(cancelled: Bool)
      case done
    }

    /// Waits with `continuation`, or resumes it at once when the sleep has already ended.
    func wait(_ continuation: CheckedContinuation<Void, any Error>) {
      let ended: Bool? = slot.withLock { slot in
        switch slot {
        case .starting:
          slot = .waiting(continuation)
          return nil
        case .ended(let cancelled):
          slot = .done
          return cancelled
        case .waiting, .done:
          return nil
        }
      }
      switch ended {
      case true?: continuation.resume(throwing: CancellationError())
      case false?: continuation.resume()
      case nil: break
      }
    }

    /// Ends the sleep: the timer fired, or the task was cancelled. Only the first call counts.
    func end(cancelled: Bool) {
      let continuation: CheckedContinuation<Void, any Error>? = slot.withLock { slot in
        switch slot {
        case .waiting(let continuation):
          slot = .done
          return continuation
        case .starting:
          slot = .ended(cancelled: cancelled)
          return nil
        case .ended, .done:
          return nil
        }
      }
      if cancelled {
        continuation?.resume(throwing: CancellationError())
      } else {
        continuation?.resume()
      }
    }
  }

  /// Returns after `duration`, or throws `CancellationError` as soon as the task is cancelled.
  static func sleep(for duration: Duration) async throws {
    let waiter = Waiter()
    let source = DispatchSource.makeTimerSource(queue: queue)
    source.setEventHandler { waiter.end(cancelled: false) }
    source.schedule(deadline: .now() + interval(duration))
    source.activate()
    // Cancelling the source takes it off Dispatch's timer list and frees it, fired or not.
    defer { source.cancel() }
    try await withTaskCancellationHandler {
      try await withCheckedThrowingContinuation { waiter.wait($0) }
    } onCancel: {
      waiter.end(cancelled: true)
    }
  }

  /// `duration` in nanoseconds for Dispatch (at most about 292 years).
  static func interval(_ duration: Duration) -> DispatchTimeInterval {
    let (seconds, attoseconds) = duration.components
    let (whole, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
    if overflow || seconds < 0 { return seconds < 0 ? .nanoseconds(0) : .never }
    let (total, overflowAgain) = whole.addingReportingOverflow(attoseconds / 1_000_000_000)
    return overflowAgain ? .never : .nanoseconds(Int(total))
  }
}
