import Foundation
import RuleEngine
import RuleRender
import TestSupport
import Testing
import TraineeCheck

let checkDocuments = CheckDocument(packSource: "rules/ipt-core")

func text(_ report: CheckReport) -> String { TextRenderer().render(checkDocuments.check(report)) }
func markdown(_ report: CheckReport) -> String {
  MarkdownRenderer().render(checkDocuments.check(report))
}

/// The six sample formulations over the sample cases, each a different situation, rendered as
/// text, Markdown and JSON and compared with the golden files under `Snapshots/`.
@Suite("Formulation check golden files")
struct GoldenTests {
  static let formulations = [
    "f01-agree", "f02-missed-area", "f03-unsupported-area", "f04-contraindicated-variant",
    "f05-ignored-critical-alert", "f06-uncertain", "f07-course-termination",
  ]

  @Test(
    "each sample formulation renders as its golden text, Markdown and JSON", arguments: formulations
  )
  func golden(name: String) throws {
    let report = try Samples.check("formulations/\(name).yaml")
    try Samples.expect(text(report), matches: "\(name).txt")
    try Samples.expect(markdown(report), matches: "\(name).md")
    try Samples.expect(JSONText.encode(report), matches: "\(name).json")
  }

  @Test("every human-readable output states that it is decision support, not a diagnosis")
  func statement() throws {
    let report = try Samples.check("formulations/f01-agree.yaml")
    let summary = CheckReportBuilder(program: try TestSupport.corePack(), engineVersion: "test")
      .summary([report], caseIDs: [report.case.id])
    for document in [checkDocuments.check(report), checkDocuments.summary(summary)] {
      #expect(TextRenderer().render(document).contains(decisionSupportStatement))
      #expect(MarkdownRenderer().render(document).contains(decisionSupportStatement))
    }
    #expect(report.statement == decisionSupportStatement)
  }

  @Test("f01: a formulation that matches the engine everywhere has no disagreement")
  func fullAgreement() throws {
    let report = try Samples.check("formulations/f01-agree.yaml")
    #expect(report.disagreements == 0)
    #expect(report.counts.disagreements == 0)
    #expect(report.counts.uncertain == 0)
    #expect(report.counts.agreed > 0)
    for output in report.outputs {
      #expect(output.items.allSatisfy { $0.verdict == .agreed && !$0.supporting.isEmpty })
    }
  }

  @Test("f02: the second problem area the engine picks is missed, with its evidence and teach text")
  func missedArea() throws {
    let report = try Samples.check("formulations/f02-missed-area.yaml")
    let focus = try #require(report.outputs.first { $0.name == "focus" })
    let missed = focus.items.filter { $0.verdict == .missed }
    #expect(missed.map(\.name) == ["role_dispute"])
    #expect(missed.first?.supporting.isEmpty == false)
    #expect(missed.first?.supporting.contains { $0.teach != nil } == true)
  }

  @Test(
    "f03: an area the engine does not pick is unsupported, with the rules that would support it")
  func unsupportedArea() throws {
    let report = try Samples.check("formulations/f03-unsupported-area.yaml")
    let focus = try #require(report.outputs.first { $0.name == "focus" })
    let item = try #require(focus.items.first { $0.name == "interpersonal_deficits" })
    #expect(item.verdict == .unsupported)
    #expect(!item.wouldSupport.isEmpty)
    #expect(item.wouldSupport.allSatisfy { rule in rule.premises.contains { $0.truth != .true } })
  }

  @Test("f04: a variant excluded by a contraindication is contested, naming the excluding rule")
  func contraindicatedVariant() throws {
    let report = try Samples.check("formulations/f04-contraindicated-variant.yaml")
    let variant = try #require(report.outputs.first { $0.name == "variant" })
    let item = try #require(variant.items.first { $0.name == "ipt_a" })
    #expect(item.verdict == .contested)
    #expect(!item.excludedBy.isEmpty)
  }

  @Test("f05: an ignored critical alert is listed first and counts as a disagreement")
  func ignoredCriticalAlert() throws {
    let report = try Samples.check("formulations/f05-ignored-critical-alert.yaml")
    let first = try #require(report.alerts.first)
    #expect(first.severity == .critical)
    #expect(first.acknowledged == false)
    #expect(report.disagreements >= 1)
    let text = text(report)
    let alertLine = try #require(text.range(of: first.id))
    let focusHeading = try #require(text.range(of: "PROBLEM-AREA FOCUS"))
    #expect(alertLine.lowerBound < focusHeading.lowerBound)
  }

  @Test(
    "f06: where the engine's decision rests on unknown findings the verdict is uncertain, with what to ask"
  )
  func uncertain() throws {
    let report = try Samples.check("formulations/f06-uncertain.yaml")
    #expect(report.counts.uncertain > 0)
    #expect(report.disagreements == 0)
    let items = report.outputs.flatMap(\.items).filter { $0.verdict == .uncertain }
    #expect(
      items.allSatisfy {
        !$0.uncertainBecause.isEmpty && !$0.askNext.isEmpty && !$0.missing.isEmpty
      })
  }

  @Test(
    "the supervisor's summary of every sample formulation renders as its golden text and Markdown")
  func summary() throws {
    let program = try TestSupport.corePack()
    let reports = try Self.formulations.map { try Samples.check("formulations/\($0).yaml") }
    // The formulated cases and one without a formulation (not the whole folder, so that new
    // sample cases do not change this golden file).
    let caseIDs = reports.map(\.case.id) + ["c02-dispute-renegotiation"]
    let summary = CheckReportBuilder(program: program, engineVersion: Samples.engineVersion)
      .summary(reports.reversed(), caseIDs: caseIDs)
    try Samples.expect(
      TextRenderer().render(checkDocuments.summary(summary)), matches: "summary.txt")
    try Samples.expect(
      MarkdownRenderer().render(checkDocuments.summary(summary)), matches: "summary.md")
    // Rows are sorted by trainee then case, whatever the input order.
    #expect(summary.rows.map(\.by) == summary.rows.map(\.by).sorted())
    #expect(summary.checks.count == Self.formulations.count)
    #expect(summary.byTrainee.reduce(0) { $0 + $1.formulations } == Self.formulations.count)
    #expect(summary.byCase.map(\.name) == reports.map(\.case.id).sorted())
    let f05 = try #require(
      summary.rows.first { $0.file.hasSuffix("f05-ignored-critical-alert.yaml") })
    #expect(f05.ignoredAlerts.first?.hasPrefix("critical: ") == true)
    #expect(summary.casesWithoutFormulation == ["c02-dispute-renegotiation"])
  }

  @Test("the same inputs give byte-identical output")
  func determinism() throws {
    let a = try Samples.check("formulations/f02-missed-area.yaml")
    let b = try Samples.check("formulations/f02-missed-area.yaml")
    #expect(JSONText.encode(a) == JSONText.encode(b))
    #expect(text(a) == text(b))
  }
}
