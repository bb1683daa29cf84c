@testable import AdvisorServer
import Dispatch
import Testing

/// The time limit's sleep: it wakes after its duration, and a cancelled one ends at once (the
/// server's memory stayed flat under load only once the cancelled sleeps stopped waiting out
/// their deadlines; `scripts/bench-serve.sh` shows it).
@Suite("Request timer")
struct RequestTimerTests {
  @Test("an uncancelled sleep returns after its duration")
  func wakes() async throws {
    let clock = ContinuousClock()
    let start = clock.now
    try await RequestTimer.sleep(for: .milliseconds(50))
    #expect(clock.now - start >= .milliseconds(50))
  }

  @Test("a cancelled sleep ends at once with CancellationError", .timeLimit(.minutes(1)))
  func cancelled() async throws {
    let clock = ContinuousClock()
    let start = clock.now
    let sleeper = Task { try await RequestTimer.sleep(for: .seconds(3600)) }
    try await Task.sleep(for: .milliseconds(20))
    sleeper.cancel()
    await #expect(throws: CancellationError.self) { try await sleeper.value }
    #expect(clock.now - start < .seconds(60))
  }

  @Test("a sleep in a task cancelled before it starts throws without waiting")
  func cancelledFirst() async throws {
    let sleeper = Task {
      withUnsafeCurrentTask { $0?.cancel() }
      try await RequestTimer.sleep(for: .seconds(3600))
    }
    await #expect(throws: CancellationError.self) { try await sleeper.value }
  }

  @Test("durations become Dispatch nanoseconds; beyond what Dispatch holds, never")
  func interval() {
    #expect(RequestTimer.interval(.milliseconds(1500)) == .nanoseconds(1_500_000_000))
    #expect(RequestTimer.interval(.zero) == .nanoseconds(0))
    #expect(RequestTimer.interval(.seconds(-1)) == .nanoseconds(0))
    #expect(RequestTimer.interval(.seconds(Int64.max)) == .never)
  }
}
