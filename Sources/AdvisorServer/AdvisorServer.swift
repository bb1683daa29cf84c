public import Advisor
public import AuditStore
package import Hummingbird

/// `ipt serve`: the web workbench (Evaluate, Check, Pack and Review pages), the JSON API with
/// its OpenAPI document, and the CDS Hooks 2.0 service, over one loaded pack. Every request goes
/// through the front door (`Advisor`); reviews go to the audit store.
public struct AdvisorServer: Sendable {
  let settings: ServerSettings
  let workbench: Workbench
  let access: Access
  let pages: Pages
  let log: @Sendable (String) -> Void

  /// A server over `advisor` with `settings`; `audit` enables the review pages; `log` receives
  /// one line per request.
  public init(
    advisor: Advisor, settings: ServerSettings, audit: AuditStore? = nil,
    log: @escaping @Sendable (String) -> Void
  ) {
    self.settings = settings
    workbench = Workbench(advisor: advisor)
    access = Access(token: settings.token)
    pages = Pages(workbench: workbench, access: access, audit: audit)
    self.log = log
  }

  /// Serves until SIGINT or SIGTERM, then stops cleanly.
  public func run() async throws {
    try await application().runService()
  }

  /// The application, for `run()` and the route tests.
  package func application() -> some ApplicationProtocol {
    Application(
      router: router(),
      configuration: .init(
        address: .hostname(settings.host, port: settings.port), serverName: "ipt-advisor"))
  }

  /// Every route, behind the request log, CORS for the CDS Hooks service, and the token check.
  func router() -> Router<BasicRequestContext> {
    let router = Router()
    router.add(middleware: RequestLogMiddleware(sink: log))
    router.add(middleware: CDSCORSMiddleware())
    router.add(middleware: AccessMiddleware(access: access))
    router.add(middleware: MethodMiddleware())
    let limit = settings.maxBodySize
    let workbench = workbench
    let pages = pages
    let access = access

    // The JSON API.
    router.post("/v1/evaluate") { request, _ in
      try await Self.reply(request, limit: limit) { workbench.evaluate($0) }
    }
    router.post("/v1/check") { request, _ in
      try await Self.reply(request, limit: limit) { workbench.check($0) }
    }
    router.get("/v1/pack") { _, _ in Routes.response(.json(workbench.packJSON)) }
    router.get("/openapi.json") { _, _ in Routes.response(.json(OpenAPIDocument.text)) }

    // CDS Hooks.
    let cds = CDSService(workbench: workbench)
    router.get("/cds-services") { _, _ in Routes.response(cds.discovery) }
    router.post("/cds-services/\(CDSService.id)") { request, _ in
      try await Self.reply(request, limit: limit) { cds.invoke($0) }
    }

    // Pages.
    router.get("/") { _, _ in Response(status: .seeOther, headers: [.location: "/evaluate"]) }
    router.get("/evaluate") { _, _ in Routes.response(pages.evaluate(caseText: nil)) }
    router.post("/evaluate") { request, _ in
      try await Self.reply(request, limit: limit) {
        pages.evaluate(caseText: Routes.form($0)["case"] ?? "")
      }
    }
    router.get("/check") { _, _ in Routes.response(pages.check(caseText: nil, formulation: nil)) }
    router.post("/check") { request, _ in
      try await Self.reply(request, limit: limit) {
        let form = Routes.form($0)
        return pages.check(caseText: form["case"] ?? "", formulation: form["formulation"] ?? "")
      }
    }
    router.get("/pack") { request, _ in
      Routes.response(pages.pack(query: Routes.form(Array((request.uri.query ?? "").utf8))["q"]))
    }
    router.get("/review") { _, _ in Routes.response(pages.reviewQueue()) }
    router.get("/review/:seq") { _, context in
      guard let seq = context.parameters.get("seq", as: Int64.self) else {
        return Routes.response(pages.page("Review", body: "<p>No such record.</p>", status: 404))
      }
      return Routes.response(pages.reviewRecord(seq))
    }
    router.post("/review/:seq") { request, context in
      guard let seq = context.parameters.get("seq", as: Int64.self) else {
        return Routes.response(pages.page("Review", body: "<p>No such record.</p>", status: 404))
      }
      return try await Self.reply(request, limit: limit) {
        pages.submitReview(seq, form: Routes.form($0))
      }
    }

    // Signing in (with a token set).
    router.get("/login") { _, _ in Routes.response(pages.login()) }
    router.post("/login") { request, _ in
      switch try await Routes.body(request, limit: limit) {
      case .failure(let reply): return Routes.response(reply.value)
      case .success(let bytes):
        guard let session = access.login(Routes.form(bytes)["token"] ?? "") else {
          return Routes.response(pages.login(failed: true))
        }
        return Response(
          status: .seeOther,
          headers: [
            .location: "/evaluate",
            .setCookie: "\(Access.cookie)=\(session); Path=/; HttpOnly; SameSite=Strict",
          ])
      }
    }
    return router
  }

  /// Reads the body within the limit (413 otherwise) and answers with `answer`.
  static func reply(
    _ request: Request, limit: Int, _ answer: @Sendable ([UInt8]) -> Reply
  ) async throws -> Response {
    switch try await Routes.body(request, limit: limit) {
    case .failure(let reply): Routes.response(reply.value)
    case .success(let bytes): Routes.response(answer(bytes))
    }
  }
}
