public import Advisor
public import AuditStore
package import Hummingbird
import RuleDiagnostics

/// `ipt serve`: the web workbench (Evaluate, Check, Pack and Review pages), the JSON API with
/// its OpenAPI document, and the CDS Hooks 2.0 service, over one loaded pack. Every request goes
/// through the front door (`Advisor`); reviews go to the audit store.
public struct AdvisorServer: Sendable {
  let settings: ServerSettings
  let workbench: Workbench
  let access: Access
  let pages: Pages
  let log: @Sendable (String) -> Void

  /// A server over `advisor` with `settings`; `audit` enables the review pages; `recorder`
  /// records every evaluation and check the server makes (a run it cannot record gets 500 and
  /// no answer); `log` receives one line per request.
  public init(
    advisor: Advisor, settings: ServerSettings, audit: AuditStore? = nil,
    recorder: AuditSession? = nil, log: @escaping @Sendable (String) -> Void
  ) {
    self.settings = settings
    workbench = Workbench(advisor: advisor, recorder: recorder)
    access = Access(token: settings.token)
    pages = Pages(
      workbench: workbench, access: access, audit: audit, maxBodySize: settings.maxBodySize)
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
  /// Every route that works runs within the time limit.
  func router() -> Router<ServerContext> {
    let router = Router(context: ServerContext.self)
    router.add(middleware: RequestLogMiddleware(sink: log))
    router.add(middleware: CDSCORSMiddleware())
    router.add(middleware: AccessMiddleware(access: access))
    router.add(middleware: MethodMiddleware())
    let workbench = workbench
    let pages = pages
    let access = access

    // The JSON API.
    router.post("/v1/evaluate") { request, context in
      try await reply(request, context) { workbench.evaluate($0) }
    }
    router.post("/v1/check") { request, context in
      try await reply(request, context) { workbench.check($0) }
    }
    router.get("/v1/pack") { request, context in
      try await answer(request, context) { .json(workbench.packJSON) }
    }
    router.get("/openapi.json") { request, context in
      try await answer(request, context) { .json(OpenAPIDocument.text) }
    }

    // CDS Hooks.
    let cds = CDSService(workbench: workbench)
    router.get("/cds-services") { request, context in
      try await answer(request, context) { cds.discovery }
    }
    router.post("/cds-services/\(CDSService.id)") { request, context in
      try await reply(request, context) { cds.invoke($0) }
    }

    // Pages.
    router.get("/") { _, _ in Response(status: .seeOther, headers: [.location: "/evaluate"]) }
    router.get("/evaluate") { request, context in
      try await answer(request, context) { pages.evaluate(caseText: nil) }
    }
    let evaluateProblem: @Sendable ([Diagnostic], Int) -> Reply = {
      pages.evaluatePage(result: .failure(Rejected($0)), status: $1)
    }
    let checkProblem: @Sendable ([Diagnostic], Int) -> Reply = {
      pages.checkPage(result: .failure(Rejected($0)), status: $1)
    }
    router.post("/evaluate") { request, context in
      try await reply(request, context, page: evaluateProblem) {
        pages.evaluate(caseText: FormFields(urlEncoded: $0)["case"] ?? "")
      }
    }
    router.post("/evaluate/form") { request, context in
      try await reply(request, context, page: evaluateProblem) {
        pages.evaluate(form: FormFields(urlEncoded: $0))
      }
    }
    router.post("/evaluate/upload") { request, context in
      let type = request.headers[.contentType]
      return try await reply(request, context, page: evaluateProblem) {
        pages.evaluate(upload: $0, contentType: type)
      }
    }
    router.get("/check") { request, context in
      try await answer(request, context) { pages.check(caseText: nil, formulation: nil) }
    }
    router.post("/check") { request, context in
      try await reply(request, context, page: checkProblem) {
        let form = FormFields(urlEncoded: $0)
        return pages.check(caseText: form["case"] ?? "", formulation: form["formulation"] ?? "")
      }
    }
    router.post("/check/form") { request, context in
      try await reply(request, context, page: checkProblem) {
        pages.check(form: FormFields(urlEncoded: $0))
      }
    }
    router.get("/pack") { request, context in
      // Browsers send a space in a query as `+`: the form decoder reads it.
      let query = FormFields(urlEncoded: Array((request.uri.query ?? "").utf8))["q"]
      return try await answer(request, context) { pages.pack(query: query) }
    }
    router.get("/review") { request, context in
      try await answer(request, context) { pages.reviewQueue() }
    }
    router.get("/review/report") { request, context in
      let since = FormFields(urlEncoded: Array((request.uri.query ?? "").utf8))["since"]
      return try await answer(request, context) { pages.reviewReport(since: since) }
    }
    router.get("/review/:seq") { request, context in
      let seq = context.parameters.get("seq", as: Int64.self)
      return try await answer(request, context) {
        guard let seq else {
          return pages.page("Review", body: "<p>No such record.</p>", status: 404)
        }
        return pages.reviewRecord(seq)
      }
    }
    router.post("/review/:seq") { request, context in
      let seq = context.parameters.get("seq", as: Int64.self)
      return try await reply(request, context, page: pages.problemPage) {
        guard let seq else {
          return pages.page("Review", body: "<p>No such record.</p>", status: 404)
        }
        return pages.submitReview(seq, form: FormFields(urlEncoded: $0))
      }
    }

    // Signing in (with a token set).
    router.get("/login") { _, _ in Routes.response(pages.login()) }
    router.post("/login") { request, context in
      try await limited(request, context) {
        switch try await Routes.body(request, limit: settings.maxBodySize) {
        case .failure(let problem): return Routes.response(pages.problemPage([problem.value], 413))
        case .success(let bytes):
          guard let session = access.login(FormFields(urlEncoded: bytes)["token"] ?? "") else {
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
    }
    return router
  }

  /// Answers with `answer`, run off the cooperative threads, within the time limit.
  func answer(
    _ request: Request, _ context: ServerContext, _ answer: @escaping @Sendable () -> Reply
  ) async throws -> Response {
    try await limited(request, context) { Routes.response(try await Offload.run(answer)) }
  }

  /// Reads the body within the size limit and answers with `answer`, run off the cooperative
  /// threads; all within the time limit. A body over the limit gets 413: the JSON diagnostic, or
  /// for a page the page that `page` makes of it.
  func reply(
    _ request: Request, _ context: ServerContext,
    page: (@Sendable ([Diagnostic], Int) -> Reply)? = nil,
    _ answer: @escaping @Sendable ([UInt8]) -> Reply
  ) async throws -> Response {
    let limit = settings.maxBodySize
    return try await limited(request, context) {
      switch try await Routes.body(request, limit: limit) {
      case .failure(let problem):
        return Routes.response(
          page?([problem.value], 413) ?? Workbench.failure([problem.value], status: 413))
      case .success(let bytes): return Routes.response(try await Offload.run { answer(bytes) })
      }
    }
  }

  /// `work`'s response, or 503 when the time limit passes first: the JSON diagnostic for the
  /// API and the CDS Hooks service, a page otherwise. The request log is told.
  func limited(
    _ request: Request, _ context: ServerContext,
    _ work: @escaping @Sendable () async throws -> Response
  ) async throws -> Response {
    let limit = TimeLimit(duration: settings.requestTimeout)
    if let response = try await limit.run(work) { return response }
    context.note.exceeded(limit.duration)
    let path = request.uri.path
    let reply =
      Routes.api.contains { $0.path == path }
      ? Workbench.failure([limit.diagnostic], status: 503) : pages.timedOut(limit)
    return Routes.response(reply)
  }
}
