import Hummingbird

/// The request context of `ipt serve`: Hummingbird's core context, and a note that a route
/// leaves for the request log (a request that ran out of time says so in its log line).
struct ServerContext: RequestContext {
  var coreContext: CoreRequestContextStorage
  /// Shared by every middleware and the route of one request.
  let note: RequestNote

  init(source: ApplicationRequestContextSource) {
    coreContext = CoreRequestContextStorage(source: source)
    note = RequestNote()
  }
}
