import Advisor
import RuleDiagnostics
import RuleEngine
import RuleRender
import RuleWorkspace

/// `GET /v1/pack` (schema `ipt-advisor/pack/1`): the loaded pack's identity, vocabulary, outputs,
/// alerts and rules, in declared order.
struct PackSummary: Encodable, Sendable {
  struct Finding: Encodable, Sendable {
    var name: String
    var description: String
    var ask: String?
    var derived: Bool
  }
  struct Value: Encodable, Sendable {
    var name: String
    var label: String
  }
  struct Output: Encodable, Sendable {
    var name: String
    var title: String
    var values: [Value]
  }
  struct Alert: Encodable, Sendable {
    var id: String
    var severity: AlertSeverity
    var label: String
  }
  struct RuleEntry: Encodable, Sendable {
    var id: String
    var title: String
    var status: Rule.Status
    var cite: [String]
    var conditions: [String]
    var because: String?
    var location: String
  }

  var schema = "ipt-advisor/pack/1"
  var engine: String
  var statement: String
  var pack: Report.PackInfo
  var source: String
  var findings: [Finding]
  var outputs: [Output]
  var alerts: [Alert]
  var rules: [RuleEntry]

  init(advisor: Advisor) {
    let program = advisor.program
    engine = Advisor.engineVersion
    statement = decisionSupportStatement
    pack = Report.PackInfo(program.pack)
    source = advisor.folder.description
    findings = program.findings.map {
      Finding(name: $0.name, description: $0.description, ask: $0.ask, derived: $0.derived)
    }
    outputs = program.outputs.map {
      Output(
        name: $0.name, title: $0.title,
        values: $0.values.map { Value(name: $0.name, label: $0.label) })
    }
    alerts = program.alerts.map { Alert(id: $0.name, severity: $0.severity, label: $0.label) }
    rules = program.rules.map {
      RuleEntry(
        id: $0.id, title: $0.title, status: $0.status, cite: $0.cite,
        conditions: $0.conditions.map(\.text), because: $0.because?.source,
        location: Self.relative($0.location))
    }
  }

  /// `file:line`, the file from `rules/` on (no absolute paths of the machine in output).
  static func relative(_ location: SourceLocation) -> String {
    var file = location.file
    if let range = file.firstRange(of: "rules/") { file = String(file[range.lowerBound...]) }
    return "\(file):\(location.line)"
  }

  enum CodingKeys: String, CodingKey {
    case schema, engine, statement, pack, source, findings, outputs, alerts, rules
  }
}
