import Advisor
import RuleDiagnostics
import RuleEngine
import RuleWorkspace
import TestSupport
import Testing

/// A tracer that only counts reads: any tracer other than `NoTracer` turns leaf sharing off, so
/// evaluating with it gives the unshared results to compare with.
struct ReadCounter: EvaluationTracer {
  var reads = 0
  mutating func read(_ instruction: Int, _ value: Value, element: Int?) { reads += 1 }
}

/// Each distinct leaf condition is worked out once per case and shared by every rule using it,
/// with the same results as evaluating every rule on its own.
@Suite("Shared leaf conditions")
struct SharedLeafTests {
  func expectSameResults(_ program: Program, _ facts: CaseFacts, _ label: String) {
    let shared = program.evaluate(facts)
    var counter = ReadCounter()
    let unshared = program.evaluate(facts, tracer: &counter)
    #expect(counter.reads > 0, "\(label)")
    #expect(shared.ruleTruth == unshared.ruleTruth, "\(label)")
    #expect(shared.facts == unshared.facts, "\(label)")
    #expect(shared.outputs.map(\.picked) == unshared.outputs.map(\.picked), "\(label)")
    #expect(shared.outputs.map(\.certainty) == unshared.outputs.map(\.certainty), "\(label)")
    #expect(shared.alerts.map(\.alert) == unshared.alerts.map(\.alert), "\(label)")
  }

  @Test("the same finding, operator and constant make one leaf")
  func numbering() throws {
    let p = try SemanticsTests.program([
      SemanticsTests.rule("r.one", "a == true", "{suggest: {focus: one}, weight: 3}"),
      SemanticsTests.rule("r.two", "a == true and b", "{suggest: {focus: two}, weight: 3}"),
      SemanticsTests.rule("r.three", "a == false", "{suggest: {focus: three}, weight: 3}"),
      SemanticsTests.rule("r.four", "known(c) and known(c)", "{suggest: {technique: t1}}"),
    ]).program
    let code = p.code
    let shared = code.leaves.filter { $0 >= 0 }
    // `a == true` twice, `a == false`, `known(c)` twice: three distinct leaves, five uses.
    #expect(shared.count == 5)
    #expect(code.leafCount == 3)
    #expect(Set(shared).count == 3)
  }

  @Test("derived findings and unknown values give the same results shared or not")
  func derivedAndUnknown() throws {
    let advisor = try SemanticsTests.program([
      SemanticsTests.rule("r.d1", "a", "{derive: d}"),
      SemanticsTests.rule("r.d2", "b", "{derive: d}"),
      SemanticsTests.rule("r.one", "d == true", "{suggest: {focus: one}, weight: 3}"),
      SemanticsTests.rule("r.two", "d == true and not c", "{suggest: {focus: two}, weight: 3}"),
      SemanticsTests.rule("r.risk", "risk == true", "{alert: danger}"),
      SemanticsTests.rule("r.note", "risk == true or d == true", "{alert: info_note}"),
    ])
    for findings in [
      "{a: true}", "{b: false}", "{}", "{a: false, b: false, c: true}", "{risk: true}",
    ] {
      let (facts, diagnostics) = TestSupport.facts(
        "case: c\nfindings: \(findings)\n", advisor: advisor)
      let checked = try #require(facts, "\(diagnostics.map(\.message))")
      expectSameResults(advisor.program, checked, findings)
    }
  }

  @Test("every sample and validation case gives the same results shared or not")
  func corpus() throws {
    let core = try TestSupport.core()
    #expect(core.program.code.leafCount > 0)
    #expect(core.program.code.leafCount < core.program.code.leaves.filter { $0 >= 0 }.count)
    let paths =
      try Workspace.yamlFiles(in: "rules/ipt-core/cases")
      + Workspace.yamlFiles(in: "validation/cases")
    for path in paths {
      expectSameResults(core.program, try TestSupport.loadCase(path, advisor: core), path)
    }
  }
}
