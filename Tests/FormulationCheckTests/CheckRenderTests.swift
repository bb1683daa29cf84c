import Foundation
import RuleEngine
import RuleRender
import Testing
import TraineeCheck

/// The resolved report and its rendering, on the small in-memory pack.
@Suite("Formulation check rendering")
struct CheckRenderTests {
  static func report(_ formulation: String, findings: String, allKnown: Bool = true) throws
    -> CheckReport
  {
    let program = try MiniPack.program.get()
    let facts = try MiniPack.facts(program, findings, allKnown: allKnown)
    let explanation = program.explain(facts, program.evaluate(facts))
    let resolved = try MiniPack.formulation(program, formulation)
    return CheckReportBuilder(program: program, engineVersion: "test").report(
      program.compare(resolved, with: explanation), formulation: resolved, explanation: explanation,
      facts: facts)
  }

  @Test("a close call names the rival and says there is nothing to ask")
  func closeCall() throws {
    let report = try Self.report(
      "focus: [transition]\nvariant: standard\n", findings: "dead: true, extra: true, moved: true")
    let transition = try #require(report.outputs[0].items.first { $0.name == "transition" })
    #expect(transition.verdict == .uncertain)
    #expect(transition.uncertainBecause == [.closeCall])
    #expect(transition.rivals.map(\.name) == ["grief"])
    #expect(transition.rivals.first?.weight == 4)
    let text = TextRenderer().render(CheckDocument().check(report))
    #expect(text.contains("a close call with grief (4 points, picked), within 1 point"))
    #expect(text.contains("Nothing to ask that would settle it"))
  }

  @Test("a missed value shows the rule's teach text; an unsupported one what would support it")
  func missedAndUnsupported() throws {
    let report = try Self.report(
      "focus: [transition]\nvariant: standard\n", findings: "dead: true, avoid: true")
    let text = TextRenderer().render(CheckDocument().check(report))
    #expect(text.contains("[missed] Grief (grief): the engine picks it with 5 points"))
    #expect(text.contains("teach: Grief means a death."))
    #expect(text.contains("[unsupported] Transition (transition)"))
    #expect(text.contains("transition.move (+3, failed): Move"))
    #expect(text.contains("fails: moved (moved = false"))
    #expect(text.contains("teach: A move is a role transition."))
  }

  @Test("an ignored critical alert is shown before the outputs, in text and Markdown")
  func ignoredCriticalFirst() throws {
    let report = try Self.report(
      "focus: [grief]\nvariant: standard\n", findings: "dead: true, risk: true")
    #expect(report.alerts.first?.id == "danger")
    #expect(report.alerts.first?.acknowledged == false)
    #expect(report.ignoredAlerts == 2)
    #expect(report.disagreements == 1)
    let document = CheckDocument().check(report)
    for (text, heading) in [
      (TextRenderer().render(document), "FOCUS (AT MOST 1"),
      (MarkdownRenderer().render(document), "## Focus"),
    ] {
      let ignored = try #require(text.range(of: "IGNORED by the formulation"))
      let focus = try #require(text.range(of: heading))
      #expect(ignored.lowerBound < focus.lowerBound)
    }
  }

  @Test("a contraindication is shown with the excluding rule's because and teach")
  func contested() throws {
    let report = try Self.report("variant: standard\n", findings: "teen: true")
    let text = MarkdownRenderer().render(CheckDocument().check(report))
    #expect(
      text.contains(
        "**[contested]** **Standard** (`standard`): you chose it, but it is excluded by `variant.adolescent`"
      ))
    #expect(text.contains("contraindication (`variant.adolescent`): An adolescent."))
    #expect(text.contains("teach: Adolescents get the adolescent variant."))
  }

  @Test("the JSON report decodes back to the same value")
  func jsonRoundTrip() throws {
    let report = try Self.report(
      "focus: [grief]\nalerts: [note]\n", findings: "dead: true, strain: true")
    let json = JSONText.encode(report)
    let decoded = try JSONDecoder().decode(CheckReport.self, from: Data(json.utf8))
    #expect(decoded == report)
    #expect(report.schema == "ipt-advisor/check/1")
    #expect(report.outputs[1].addressed == false)
    #expect(report.alerts.map(\.id) == ["watch", "note"])
  }

  @Test("the summary groups formulations per trainee, per case and per output")
  func summary() throws {
    let program = try MiniPack.program.get()
    let a = try Self.report("focus: [grief]\nvariant: standard\n", findings: "dead: true")
    let b = try Self.report("", findings: "dead: true").withTrainee("trainee-2")
    let summary = CheckReportBuilder(program: program, engineVersion: "test")
      .summary([b, a], caseIDs: ["mini-1", "mini-2"])
    #expect(summary.rows.map(\.by) == ["trainee-1", "trainee-2"])
    #expect(summary.byTrainee.map(\.name) == ["trainee-1", "trainee-2"])
    #expect(summary.byTrainee.map(\.counts.missed) == [0, 2])
    #expect(summary.byCase.map(\.formulations) == [2])
    #expect(summary.byOutput.map(\.name) == ["focus", "variant"])
    #expect(summary.byOutput.map(\.disagreements) == [1, 1])
    #expect(summary.casesWithoutFormulation == ["mini-2"])
    let text = TextRenderer().render(CheckDocument().summary(summary))
    #expect(text.contains("2 formulations by 2 trainees of 1 case"))
    #expect(text.contains("Cases without a formulation: mini-2."))
  }
}

extension CheckReport {
  func withTrainee(_ by: String) -> CheckReport {
    var copy = self
    copy.formulation.by = by
    return copy
  }
}
