import Synchronization

/// What a route tells the request log about one request: whether it ran out of time.
final class RequestNote: Sendable {
  private let limit = Mutex<Duration?>(nil)

  /// The time limit the request exceeded, or nil.
  var timedOut: Duration? { limit.withLock { $0 } }

  /// Records that the request exceeded `duration`.
  func exceeded(_ duration: Duration) { limit.withLock { $0 = duration } }
}
