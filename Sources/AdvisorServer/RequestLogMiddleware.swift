import Foundation
import Hummingbird

/// Writes one line per request: method, path (never the query or the body, which may hold case
/// content), status and duration in milliseconds, and `timed out after N s` for a request that
/// ran out of time.
struct RequestLogMiddleware: RouterMiddleware {
  typealias Context = ServerContext
  let sink: @Sendable (String) -> Void

  func handle(
    _ request: Request, context: Context,
    next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    let start = ContinuousClock.now
    do {
      let response = try await next(request, context)
      log(request, context, status: response.status.code, since: start)
      return response
    } catch {
      log(
        request, context, status: (error as? any HTTPResponseError)?.status.code ?? 500,
        since: start)
      throw error
    }
  }

  private func log(
    _ request: Request, _ context: Context, status: Int, since start: ContinuousClock.Instant
  ) {
    let elapsed = ContinuousClock.now - start
    let ms =
      Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
    let note = context.note.timedOut.map { " timed out after \(TimeLimit(duration: $0).seconds) s" }
    sink(
      "\(request.method.rawValue) \(request.uri.path) \(status) \(String(format: "%.1f", ms)) ms"
        + (note ?? ""))
  }
}
