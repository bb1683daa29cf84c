import Advisor
import Foundation
import RuleDiagnostics
import RuleEngine
import RuleRender

/// The CDS Hooks 2.0 service `ipt-advisor` on the `patient-view` hook: its discovery entry, and
/// the cards for a case given in the request's `prefetch`, either in the product's case format
/// (key `iptCase`: the file's text or a JSON object) or as a FHIR R4 PHQ-9
/// `QuestionnaireResponse` (key `phq9`: the resource, or a search `Bundle` holding it).
struct CDSService: Sendable {
  /// The service id, the last segment of its URL.
  static let id = "ipt-advisor"
  /// The hook it answers.
  static let hook = "patient-view"
  /// The prefetch key holding a case in the product's format.
  static let caseKey = "iptCase"
  /// The prefetch key holding a PHQ-9 `QuestionnaireResponse`.
  static let phq9Key = "phq9"

  let workbench: Workbench

  /// `GET /cds-services`.
  var discovery: Reply {
    let description: String =
      "Safety alerts and a proposed Interpersonal Psychotherapy formulation from the patient's "
      + "latest PHQ-9, or from an IPT case file. Decision support for training and supervision, "
      + "not a diagnosis."
    let query: String =
      "QuestionnaireResponse?subject=Patient/{{context.patientId}}&questionnaire=http://loinc.org/q/"
      + PHQ9Response.panel + "&_sort=-authored&_count=1"
    var members: [String: JSONValue] = [:]
    members["id"] = .string(Self.id)
    members["hook"] = .string(Self.hook)
    members["title"] = .string("IPT formulation advisor")
    members["description"] = .string(description)
    members["prefetch"] = .object([Self.phq9Key: .string(query)])
    let service = JSONValue.object(members)
    return .json(JSONText.encode(JSONValue.object(["services": .array([service])]), pretty: false))
  }

  /// `POST /cds-services/ipt-advisor`.
  func invoke(_ bytes: [UInt8]) -> Reply {
    let request: JSONValue
    switch RequestInput.object(bytes) {
    case .failure(let diagnostic): return Workbench.failure([diagnostic.value])
    case .success(let value): request = value
    }
    guard request["hook"]?.string == Self.hook else {
      return Workbench.failure([
        RequestInput.problem(
          .invalidValue, "this service answers the '\(Self.hook)' hook",
          hint: "send 'hook': '\(Self.hook)'")
      ])
    }
    guard request["hookInstance"]?.string != nil, request["context"]?.isObject == true else {
      return Workbench.failure([
        RequestInput.problem(
          .missingKey, "a CDS Hooks request needs 'hookInstance' and 'context'")
      ])
    }
    let file: SourceFile
    let prefetch = request["prefetch"].flatMap { $0 == .null ? nil : $0 }
    if let prefetch, !prefetch.isObject {
      return Workbench.failure([
        RequestInput.problem(.wrongShape, "'prefetch' must be a JSON object")
      ])
    }
    if let resource = prefetch?[Self.phq9Key], resource != .null, !resource.isObject {
      return Workbench.failure([
        RequestInput.problem(
          .wrongShape, "'prefetch.\(Self.phq9Key)' must be a FHIR resource (a JSON object)")
      ])
    }
    if let given = prefetch?[Self.caseKey] {
      switch RequestInput.document(given, key: Self.caseKey, path: RequestInput.casePath) {
      case .success(let source): file = source
      case .failure(let diagnostic): return Workbench.failure([diagnostic.value])
      }
    } else if let resource = prefetch?[Self.phq9Key], let phq9 = PHQ9Response(resource) {
      let patient = request["context"]?["patientId"]?.string ?? "patient"
      file = SourceFile(path: RequestInput.casePath, text: phq9.caseText(id: patient))
    } else {
      // Without prefetched data the service would have to call the FHIR server; it never
      // sends or fetches data anywhere, so it says what it lacks (412, as the spec asks).
      return Workbench.failure(
        [
          RequestInput.problem(
            .missingKey,
            "the request's prefetch holds neither '\(Self.caseKey)' nor a PHQ-9 QuestionnaireResponse in '\(Self.phq9Key)'"
          )
        ], status: 412)
    }
    switch workbench.outcome(file) {
    case .failure(let diagnostics): return Workbench.failure(diagnostics.value)
    case .success(let outcome):
      return .json(JSONText.encode(["cards": Self.cards(outcome.report)], pretty: false))
    }
  }

  /// One card per alert (most severe first), then the proposed formulation.
  static func cards(_ report: Report) -> [CDSCard] {
    let source = "ipt-advisor, pack \(report.pack.id) \(report.pack.version)"
    var cards = report.alerts.map { alert in
      var detail = alert.description.map { $0 + "\n\n" } ?? ""
      let reasons = alert.raisedBy.map { rule in
        "- `\(rule.id)`" + (rule.because.map { ": " + markdown($0) } ?? "")
      }
      if !reasons.isEmpty { detail += "Raised by:\n\n" + reasons.joined(separator: "\n") }
      return CDSCard(
        summary: "\(alert.severity.rawValue.capitalized) alert: \(alert.label)",
        indicator: alert.severity.rawValue, detail: detail, source: source)
    }
    cards.append(formulationCard(report, source: source))
    return cards
  }

  /// The proposed formulation: deferred pending safety, provisional, or proposed.
  static func formulationCard(_ report: Report, source: String) -> CDSCard {
    let picked = report.outputs.filter { !$0.picked.isEmpty }
    let provisional = picked.contains { output in
      output.values.contains { $0.provisional == true }
    }
    let state =
      report.deferredPendingSafety
      ? "deferred pending safety" : provisional ? "provisional" : "proposed"
    var lines: [String] = []
    for output in picked {
      let values = output.picked.compactMap { name in
        output.values.first { $0.name == name }.map {
          $0.label + ($0.provisional == true ? " (provisional)" : "")
        }
      }
      lines.append("- **\(output.title)**: \(values.joined(separator: ", "))")
    }
    var detail =
      lines.isEmpty
      ? "Nothing is suggested from the findings given." : lines.joined(separator: "\n")
    if report.deferredPendingSafety {
      detail = "A critical alert fired: act on it first; every suggestion is deferred.\n\n" + detail
    }
    if !report.askNext.isEmpty {
      detail +=
        "\n\nAsk next:\n\n"
        + report.askNext.prefix(3).map { "- " + markdown($0.ask) }.joined(separator: "\n")
    }
    detail += "\n\n" + report.statement
    let focus = picked.first.map { output in
      ": "
        + output.picked.compactMap { name in output.values.first { $0.name == name }?.label }
        .joined(separator: ", ")
    }
    return CDSCard(
      summary: "IPT formulation (\(state))\(focus ?? "")", indicator: "info", detail: detail,
      source: source)
  }

  /// Text with Markdown's and HTML's special characters escaped.
  static func markdown(_ text: String) -> String {
    var out = ""
    for c in text {
      if "\\`*_{}[]<>#|".contains(c) { out.append("\\") }
      out.append(c)
    }
    return out
  }
}
