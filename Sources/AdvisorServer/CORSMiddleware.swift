import Hummingbird

/// Cross-origin access to the CDS Hooks service, as CDS Hooks 2.0 asks of a service called from
/// a browser: the caller's origin allowed, with credentials, `GET`, `POST` and `OPTIONS`, and
/// the `Authorization` and `Content-Type` headers; preflights are answered here. Other paths get
/// no CORS headers, so the pages and the JSON API stay same-origin.
struct CDSCORSMiddleware<Context: RequestContext>: RouterMiddleware {
  static var prefix: String { "/cds-services" }

  func handle(
    _ request: Request, context: Context,
    next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    guard request.uri.path.hasPrefix(Self.prefix), let origin = request.headers[.origin] else {
      return try await next(request, context)
    }
    var headers: HTTPFields = [
      .accessControlAllowOrigin: origin,
      .accessControlAllowCredentials: "true",
      .accessControlExposeHeaders: "Origin, Accept, Content-Location, Location, X-Requested-With",
      .vary: "Origin",
    ]
    if request.method == .options {
      headers[.accessControlAllowMethods] = "GET, POST, OPTIONS"
      headers[.accessControlAllowHeaders] = "Authorization, Content-Type, Accept"
      headers[.accessControlMaxAge] = "600"
      return Response(status: .noContent, headers: headers)
    }
    var response: Response
    do {
      response = try await next(request, context)
    } catch let error as any HTTPResponseError {
      // A 404 or 405 keeps the CORS headers, so that the caller can read it.
      response = try error.response(from: request, context: context)
    }
    for field in headers { response.headers[field.name] = field.value }
    return response
  }
}
