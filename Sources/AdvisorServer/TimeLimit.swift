import Hummingbird
import RuleDiagnostics

/// The per-request time limit (`ipt serve --request-timeout`): a route's work, body read
/// included, races a timer (`RequestTimer`, freed as soon as the work wins); when the timer wins the
/// request gets 503. Work that cannot be
/// interrupted (an evaluation) runs through `Offload`, so the limit answers on time and the
/// work finishes in the background.
struct TimeLimit: Sendable {
  /// How long a request may take.
  let duration: Duration

  /// `work`'s response, or nil when the limit passed first (the work is then cancelled).
  func run(_ work: @escaping @Sendable () async throws -> Response) async throws -> Response? {
    let duration = duration
    return try await withThrowingTaskGroup(of: Response?.self) { group in
      group.addTask { try await work() }
      group.addTask {
        try await RequestTimer.sleep(for: duration)
        return nil
      }
      defer { group.cancelAll() }
      return try await group.next() ?? nil
    }
  }

  /// The limit in seconds, as messages write it (`10`, `0.25`).
  var seconds: String {
    let (whole, fraction) = duration.components
    return NumberText.format(Double(whole) + Double(fraction) / 1e18)
  }

  /// The diagnostic of a request that ran out of time.
  var diagnostic: Diagnostic {
    RequestInput.problem(
      .timedOut, "the request took longer than \(seconds) s, the time limit",
      hint: "send a smaller case, or raise the limit with 'ipt serve --request-timeout'")
  }
}
