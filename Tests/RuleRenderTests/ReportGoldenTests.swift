import Advisor
import RuleDiagnostics
import RuleEngine
import RuleRender
import TestSupport
import Testing

/// The reports are the product: their text, Markdown and JSON are pinned by golden files.
@Suite("Report golden files")
struct ReportGoldenTests {
  /// One case per situation the issue names.
  static let cases: [(situation: String, file: String)] = [
    ("picked", "rules/ipt-core/cases/c01-grief-recent-death.yaml"),
    ("competing", "rules/ipt-core/cases/c07-two-areas-move-and-marriage.yaml"),
    ("excluded", "rules/ipt-core/cases/c30-adolescent-intellectual-disability.yaml"),
    ("alert-deferred", "rules/ipt-core/cases/c09-suicidal-grief.yaml"),
    ("mostly-unknown", "rules/ipt-core/cases/c08-mostly-missing-data.yaml"),
    ("normal-grief", "rules/ipt-core/cases/c10-normal-grief.yaml"),
    ("provisional", "rules/ipt-core/cases/c33-partly-known-death.yaml"),
    ("course", "rules/ipt-core/cases/c44-course-worsening.yaml"),
  ]

  /// The report of a sample case, with a fixed engine version so goldens survive a release.
  static func report(_ file: String, trace: Bool = false) throws -> Report {
    let advisor = try TestSupport.core()
    let outcome = try #require(advisor.evaluate(try TestSupport.read(file), trace: trace).value)
    var report = outcome.report
    report.engine = "test"
    return report
  }

  static let documents = ReportDocument(packSource: "rules/ipt-core")

  @Test("text, Markdown and JSON match the golden files", arguments: cases)
  func golden(situation: String, file: String) throws {
    let report = try Self.report(file)
    let document = Self.documents.evaluation(report)
    let outputs = [
      ("txt", TextRenderer().render(document)),
      ("md", MarkdownRenderer().render(document)),
      ("json", JSONText.encode(report)),
    ]
    for (ext, text) in outputs {
      if let problem = Snapshot.check(text, named: "\(situation).\(ext)", target: "RuleRenderTests")
      {
        Issue.record(Comment(rawValue: problem))
      }
    }
  }

  @Test("the full trace of a case matches its golden file")
  func traceGolden() throws {
    let report = try Self.report("rules/ipt-core/cases/c02-dispute-renegotiation.yaml", trace: true)
    let text = TextRenderer().render(Self.documents.trace(report))
    if let problem = Snapshot.check(text, named: "trace.txt", target: "RuleRenderTests") {
      Issue.record(Comment(rawValue: problem))
    }
  }

  @Test("the situations show what they are meant to show")
  func situations() throws {
    let deferred = try Self.report("rules/ipt-core/cases/c09-suicidal-grief.yaml")
    #expect(deferred.deferredPendingSafety)
    #expect(deferred.alerts.first?.severity == .critical)
    let text = TextRenderer().render(Self.documents.evaluation(deferred))
    #expect(text.contains("deferred pending safety"))
    let excluded = try Self.report(
      "rules/ipt-core/cases/c30-adolescent-intellectual-disability.yaml")
    #expect(excluded.outputs.contains { $0.values.contains { $0.status == .excluded } })
    let unknown = try Self.report("rules/ipt-core/cases/c08-mostly-missing-data.yaml")
    #expect(!unknown.askNext.isEmpty)
    #expect(unknown.askNext.first?.finding == "suicidality", "safety questions come first")
    let severities = unknown.askNext.map { q in
      q.couldRaise.map { $0.hasPrefix("critical") ? 3 : $0.hasPrefix("warning") ? 2 : 1 }.max() ?? 0
    }
    #expect(severities == severities.sorted(by: >), "critical, then warning, then info, then picks")
    let partial = try Self.report("rules/ipt-core/cases/c33-partly-known-death.yaml")
    let grief = try #require(
      partial.outputs.first { $0.name == "focus" }?.values.first { $0.name == "grief" })
    #expect(grief.status == .picked && grief.provisional == true)
    #expect(grief.settledBy?.isEmpty == false)
    let partialText = TextRenderer().render(Self.documents.evaluation(partial))
    #expect(partialText.contains("[provisional]; settle by asking about"))
    let partialTrace = TextRenderer().render(
      Self.documents.trace(
        try Self.report("rules/ipt-core/cases/c33-partly-known-death.yaml", trace: true)))
    #expect(partialTrace.contains("true for every possible value"))
    #expect(partialTrace.contains("The partner died at most 4 months ago."))
    #expect(
      !(unknown.outputs.first { $0.name == "focus" }?.picked.contains("interpersonal_deficits")
        ?? true),
      "missing data never defaults to deficits")
  }

  @Test(
    "every human-readable report says it is decision support, not a diagnosis", arguments: cases)
  func statement(situation: String, file: String) throws {
    let report = try Self.report(file)
    let document = Self.documents.evaluation(report)
    #expect(TextRenderer().render(document).contains("not a diagnosis"))
    #expect(MarkdownRenderer().render(document).contains("not a diagnosis"))
    #expect(HTMLRenderer().page([document], title: "t").contains("not a diagnosis"))
    #expect(report.statement.contains("not a diagnosis"))
  }

  @Test("the same pack and case give byte-identical output")
  func deterministic() throws {
    for (_, file) in Self.cases {
      let first = JSONText.encode(try Self.report(file, trace: true))
      let second = JSONText.encode(try Self.report(file, trace: true))
      #expect(first == second)
    }
  }
}
