import Hummingbird
import RuleDiagnostics

/// With a token set, lets through only requests that carry it (`Authorization: Bearer`) or a
/// session cookie from the login form. The login page, and CORS preflights of the CDS Hooks
/// service (which a browser sends without credentials), need neither. A page asked for without
/// them redirects to the login form; anything else gets 401.
struct AccessMiddleware<Context: RequestContext>: RouterMiddleware {
  let access: Access

  func handle(
    _ request: Request, context: Context,
    next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    let path = request.uri.path
    if path == "/login" || access.token == nil || request.method == .options {
      return try await next(request, context)
    }
    let allowed = access.allows(
      authorization: request.headers[.authorization],
      session: request.cookies[Access.cookie]?.value)
    if allowed { return try await next(request, context) }
    if request.method == .get, Routes.isPage(path) {
      return Response(status: .seeOther, headers: [.location: "/login"])
    }
    return Routes.response(
      Workbench.failure(
        [
          RequestInput.problem(
            .missingKey, "this server needs a bearer token",
            hint: "send 'Authorization: Bearer TOKEN'")
        ], status: 401),
      headers: [.wwwAuthenticate: "Bearer"])
  }
}
