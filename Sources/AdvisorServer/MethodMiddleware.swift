import Hummingbird
import RuleDiagnostics

/// The methods of the JSON API's paths (`Routes.api`), as RFC 9110 asks: a documented path asked
/// with a method it does not answer gets 405 with `Allow` (the router alone would say 404), and
/// `OPTIONS` gets 204 with the same `Allow`. CORS preflights of the CDS Hooks service are
/// answered before this, by `CDSCORSMiddleware`. Other paths pass through.
struct MethodMiddleware<Context: RequestContext>: RouterMiddleware {
  func handle(
    _ request: Request, context: Context,
    next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    let path = request.uri.path
    let methods = Routes.api.filter { $0.path == path }.map { $0.method.uppercased() }
    let method = request.method.rawValue
    guard !methods.isEmpty, !methods.contains(method) else {
      return try await next(request, context)
    }
    let allow = (methods + ["OPTIONS"]).joined(separator: ", ")
    if request.method == .options {
      return Response(status: .noContent, headers: [.allow: allow, .cacheControl: "no-store"])
    }
    let problem = RequestInput.problem(
      .invalidValue, "\(path) does not answer \(method)",
      hint: "use \(methods.joined(separator: " or "))")
    return Routes.response(Workbench.failure([problem], status: 405), headers: [.allow: allow])
  }
}
