import Hummingbird
import RuleDiagnostics

/// The routes' shared pieces: which paths are pages, the API's paths and methods (what
/// `/openapi.json` documents), replies as responses, and bodies read within the limit.
enum Routes {
  /// Every path and method of the JSON API and the CDS Hooks service, as documented.
  static let api: [(method: String, path: String)] = [
    ("post", "/v1/evaluate"), ("post", "/v1/check"), ("get", "/v1/pack"), ("get", "/openapi.json"),
    ("get", "/cds-services"), ("post", "/cds-services/ipt-advisor"),
  ]

  /// The pages a browser asks for (a request for one without credentials goes to the login form).
  static func isPage(_ path: String) -> Bool {
    path == "/" || ["/evaluate", "/check", "/pack", "/review"].contains { path.hasPrefix($0) }
  }

  /// A reply as a response, with extra headers.
  static func response(_ reply: Reply, headers extra: HTTPFields = [:]) -> Response {
    var headers: HTTPFields = [
      .contentType: reply.contentType, .cacheControl: "no-store",
      .xContentTypeOptions: "nosniff",
    ]
    if reply.contentType == Reply.html {
      headers[.contentSecurityPolicy] =
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; frame-ancestors 'none'"
    }
    for field in extra { headers[field.name] = field.value }
    return Response(
      status: HTTPResponse.Status(code: reply.status), headers: headers,
      body: ResponseBody(byteBuffer: ByteBuffer(string: reply.body)))
  }

  /// The request's body, or the `too-large` diagnostic (for a 413) when it is larger than
  /// `limit` bytes.
  static func body(_ request: Request, limit: Int) async throws -> Result<
    [UInt8], Rejected<Diagnostic>
  > {
    if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit {
      return .failure(Rejected(RequestInput.tooLarge(limit: limit)))
    }
    do {
      let buffer = try await request.body.collect(upTo: limit)
      return .success(Array(buffer.readableBytesView))
    } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
      return .failure(Rejected(RequestInput.tooLarge(limit: limit)))
    }
  }
}
