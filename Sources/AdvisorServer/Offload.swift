import Dispatch
import Synchronization

/// Runs synchronous work (an evaluation, a check) on a Dispatch queue of its own rather than on
/// Swift's cooperative threads, so that a time limit can answer while the work goes on. The work
/// cannot be interrupted: when the awaiting task is cancelled, `run` returns at once with
/// `CancellationError` and the work finishes in the background, its result dropped.
enum Offload {
  /// A concurrent queue of our own. Unlike `DispatchQueue.global()`, whose threads (as many as
  /// the cores) on Linux also run Swift's cooperative tasks, it gets threads of its own, so
  /// long work never keeps the time limit's timer from firing.
  static let queue = DispatchQueue(label: "ipt-serve.work", attributes: .concurrent)

  /// Where the waiting continuation stands.
  private enum Stage<Value: Sendable> {
    case starting
    case waiting(CheckedContinuation<Value, any Error>)
    case cancelled
    case done
  }

  /// The stage, shared by the work, the waiting task and its cancellation handler.
  private final class State<Value: Sendable>: Sendable {
    let stage = Mutex<Stage<Value>>(.starting)

    /// The continuation to resume, once: the first caller gets it, later callers nil.
    func take(cancelling: Bool) -> CheckedContinuation<Value, any Error>? {
      stage.withLock { stage in
        switch stage {
        case .waiting(let continuation):
          stage = .done
          return continuation
        case .starting:
          if cancelling { stage = .cancelled }
          return nil
        case .cancelled, .done:
          return nil
        }
      }
    }
  }

  /// `work`'s result, computed on `queue`; `CancellationError` as soon as the calling task is
  /// cancelled.
  static func run<Value: Sendable>(_ work: @escaping @Sendable () -> Value) async throws -> Value {
    let state = State<Value>()
    return try await withTaskCancellationHandler {
      try await withCheckedThrowingContinuation {
        (continuation: CheckedContinuation<Value, any Error>) in
        let cancelled = state.stage.withLock { stage -> Bool in
          guard case .starting = stage else { return true }
          stage = .waiting(continuation)
          return false
        }
        if cancelled {
          continuation.resume(throwing: CancellationError())
          return
        }
        queue.async {
          let value = work()
          state.take(cancelling: false)?.resume(returning: value)
        }
      }
    } onCancel: {
      state.take(cancelling: true)?.resume(throwing: CancellationError())
    }
  }
}
