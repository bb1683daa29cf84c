import Advisor
import Foundation
import AuditStore
import RuleDiagnostics
import RuleEngine
import RuleRender
import RuleWorkspace
import TraineeCheck

/// The server-rendered pages: Evaluate, Check, Pack, Review and the login form. Reports are the
/// front door's documents rendered by `HTMLRenderer`; the forms around them are written here,
/// with every value that came from a request escaped. No script and no external asset.
struct Pages: Sendable {
  let workbench: Workbench
  let access: Access
  let audit: AuditStore?
  /// The largest request body accepted, which the upload form states.
  let maxBodySize: Int
  /// The Evaluate page's form, built once from the pack's vocabulary.
  let caseForm: CaseForm
  /// The Check page's formulation form, built once from the pack's outputs.
  let formulationForm: FormulationForm

  init(workbench: Workbench, access: Access, audit: AuditStore?, maxBodySize: Int) {
    self.workbench = workbench
    self.maxBodySize = maxBodySize
    self.access = access
    self.audit = audit
    caseForm = CaseForm(advisor: workbench.advisor)
    formulationForm = FormulationForm(program: workbench.advisor.program)
  }

  static let style = """
    header nav ul { list-style: none; padding: 0; display: flex; gap: 1.2rem; }
    header nav a { font-weight: 600; }
    a { color: #0b4f8a; }
    a:focus, button:focus, textarea:focus, input:focus, select:focus { outline: 3px solid #1f6fb2; outline-offset: 2px; }
    form { margin: 1rem 0 2rem; }
    label { display: block; font-weight: 600; margin: .8rem 0 .2rem; }
    textarea { width: 100%; min-height: 14rem; font-family: ui-monospace, monospace; font-size: .95em; }
    input[type=text], input[type=password], input[type=search] { width: 100%; max-width: 32rem; padding: .3rem; }
    textarea.short { min-height: 4rem; }
    select, input[type=number], input[type=date] { padding: .2rem; font-size: 1em; }
    fieldset { margin: 1rem 0; border: 1px solid #bbb; border-radius: 3px; }
    legend { font-weight: 600; padding: 0 .3rem; }
    fieldset.choices { border-style: dashed; }
    fieldset.choices ul { list-style: none; padding: 0; columns: 2; margin: .2rem 0; }
    label.inline { display: inline; font-weight: normal; margin: 0; }
    section.entry { margin-top: 2rem; }
    button { margin-top: .8rem; padding: .4rem 1.2rem; font-size: 1em; background: #0b4f8a; color: #fff; border: 0; border-radius: 3px; cursor: pointer; }
    .help { color: #444; font-size: .92em; margin: .1rem 0; }
    .skip { position: absolute; left: -999px; } .skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .3rem; }
    """

  /// A page: the navigation, its one `h1`, the caller's (escaped) markup, the documents (whose
  /// titles are `h2`), then the caller's closing markup.
  func page(
    _ title: String, body: String, documents: [Document] = [], after: String = "",
    status: Int = 200
  ) -> Reply {
    var links = [("/evaluate", "Evaluate"), ("/check", "Check"), ("/pack", "Pack")]
    if audit != nil { links.append(("/review", "Review")) }
    let nav = links.map { "<li><a href=\"\($0.0)\">\($0.1)</a></li>" }.joined()
    let prelude = """
      <a class="skip" href="#main">Skip to content</a>
      <header><nav aria-label="Pages"><ul>\(nav)</ul></nav></header>
      <main id="main">
      <h1>\(escape(title))</h1>
      <p class="help">\(escape(decisionSupportStatement))</p>
      \(body)
      """
    let html = HTMLRenderer(headingOffset: 1).page(
      documents, title: "ipt-advisor: \(title)", style: Self.style, prelude: prelude,
      epilogue: after)
    return .html(html.replacingOccurrences(of: "</body>", with: "</main>\n</body>"), status: status)
  }

  func escape(_ text: String) -> String { HTMLRenderer.escape(text) }

  /// A labelled text area.
  func textarea(_ name: String, label: String, value: String, help: String) -> String {
    """
    <label for="\(name)">\(escape(label))</label>
    <p class="help" id="\(name)-help">\(escape(help))</p>
    <textarea id="\(name)" name="\(name)" aria-describedby="\(name)-help" required spellcheck="false">\(escape(value))</textarea>
    """
  }

  /// Diagnostics as an escaped list, announced to screen readers.
  func diagnostics(_ diagnostics: [Diagnostic]) -> String {
    let items = diagnostics.map {
      "<li><code>\(escape($0.location.description))</code> \($0.severity.rawValue): [\(escape($0.code.rawValue))] \(escape($0.message))"
        + ($0.hint.map { " (hint: \(escape($0)))" } ?? "") + "</li>"
    }.joined(separator: "\n")
    return
      "<section role=\"alert\" aria-labelledby=\"problems\"><h2 id=\"problems\">Problems</h2><ul>\(items)</ul></section>"
  }

  // MARK: Pack

  /// `GET /pack?q=`: the rules whose id, title, conditions (so the findings they read), because
  /// or citations contain the search text, each with its conditions, rationale and status.
  func pack(query: String?) -> Reply {
    let program = workbench.advisor.program
    let q = (query ?? "").trimmingCharacters(in: .whitespaces)
    let rules = program.rules.filter { (rule: Rule) -> Bool in
      guard !q.isEmpty else { return true }
      var texts: [String] = [rule.id, rule.title]
      if let because = rule.because { texts.append(because.source) }
      if let teach = rule.teach { texts.append(teach.source) }
      texts += rule.conditions.map(\.text)
      texts += rule.cite
      return texts.contains { $0.localizedCaseInsensitiveContains(q) }
    }
    let form = """
      <form method="get" action="/pack" role="search">
      <label for="q">Search rules by id, finding or text</label>
      <input type="search" id="q" name="q" value="\(escape(q))">
      <button type="submit">Search</button>
      </form>
      <p>\(rules.count) of \(program.rules.count) rules of \(escape(program.pack.title)) (\(escape(program.pack.id)) \(escape(program.pack.version)))\(q.isEmpty ? "" : " match '\(escape(q))'").</p>
      """
    let document = Document(title: Text("Rules"), blocks: rules.flatMap(ruleBlocks))
    return page("Pack rules", body: form, documents: rules.isEmpty ? [] : [document])
  }

  /// One rule of the catalogue: its id and status, title, conditions, rationale and sources.
  func ruleBlocks(_ rule: Rule) -> [Block] {
    let tone: Tone = rule.status == .reviewed ? .positive : .muted
    let heading = Text([.code(rule.id), .plain(" "), .badge(rule.status.rawValue, tone)])
    let conditions: [ListItem] = rule.conditions.map { ListItem(Text([.code($0.text)])) }
    var blocks: [Block] = [
      .heading(heading, level: 2),
      .paragraph(Text(rule.title)),
      .list(conditions, ordered: false),
    ]
    if let because = rule.because?.source {
      blocks.append(.paragraph(Text([.strong("Because: "), .plain(because)])))
    }
    if !rule.cite.isEmpty {
      blocks.append(.paragraph(Text("Sources: " + rule.cite.joined(separator: ", "))))
    }
    blocks.append(.paragraph(Text("Defined at \(PackSummary.relative(rule.location))")))
    return blocks
  }

  // MARK: Errors

  /// The page of a request refused before its work began (a body over the size limit).
  func problemPage(_ problems: [Diagnostic], _ status: Int) -> Reply {
    page("Request refused", body: diagnostics(problems), status: status)
  }

  /// The page of a request that ran out of time.
  func timedOut(_ limit: TimeLimit) -> Reply {
    page(
      "Request timed out",
      body:
        "<p role=\"alert\">The request took longer than \(escape(limit.seconds)) s, the time limit, and was stopped. Send a smaller case, or ask whoever runs the server to raise <code>--request-timeout</code>.</p>",
      status: 503)
  }

  // MARK: Login

  /// `GET /login` (and a failed `POST /login`).
  func login(failed: Bool = false) -> Reply {
    let body = """
      \(failed ? "<p role=\"alert\">That token is not right.</p>" : "")
      <form method="post" action="/login">
      <label for="token">Access token</label>
      <input type="password" id="token" name="token" autocomplete="current-password" required>
      <button type="submit">Sign in</button>
      </form>
      """
    return page("Sign in", body: body, status: failed ? 401 : 200)
  }
}
