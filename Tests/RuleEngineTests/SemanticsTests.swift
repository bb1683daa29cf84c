import Advisor
import RuleDiagnostics
import RuleEngine
import TestSupport
import Testing

/// Picking, exclusion, derived findings, `picked` references, alerts and the plan.
@Suite("Evaluation semantics")
struct SemanticsTests {
  static let base: [String: String] = [
    "pack.yaml": """
    pack: sem
    version: 1.0.0
    references: {R: "A reference"}
    """,
    "vocabulary.yaml": """
    vocabulary:
      a: {type: boolean, description: a, ask: Is a true?}
      b: {type: boolean, description: b, ask: Is b true?}
      c: {type: boolean, description: c, ask: Is c true?}
      risk: {type: boolean, description: risk, ask: Any risk?}
      d: {type: boolean, derived: true, description: derived from a or b}
    outputs:
      focus:
        title: Focus
        pick: {max: 2, min_weight: 3}
        values: {one: {label: One}, two: {label: Two}, three: {label: Three}}
      technique:
        title: Technique
        values: {t1: {label: T1}}
    alerts:
      info_note: {severity: info, label: Note}
      danger: {severity: critical, label: Danger}
    """,
  ]

  static func rule(_ id: String, _ when: String, _ then: String) -> String {
    """
      - id: \(id)
        title: \(id)
        when: "\(when)"
        then: \(then)
        because: because
        cite: [R]
        status: reviewed

    """
  }

  static func program(_ rules: [String]) throws -> Advisor {
    var files = base
    files["rules.yaml"] = "rules:\n" + rules.joined()
    let (program, diagnostics) = TestSupport.compile(files: files)
    return try #require(program, "\(diagnostics.map { "\($0.location): \($0.message)" })")
  }

  static func evaluate(_ advisor: Advisor, _ findings: String) throws -> Evaluation {
    let (facts, diagnostics) = TestSupport.facts(
      "case: c\nfindings: \(findings)\n", advisor: advisor)
    return advisor.program.evaluate(try #require(facts, "\(diagnostics.map(\.message))"))
  }

  @Test("a value is picked when its evidence reaches min_weight, and ranks by weight")
  func thresholdAndRanking() throws {
    let p = try Self.program([
      Self.rule("r.one", "a", "{suggest: {focus: one}, weight: 3}"),
      Self.rule("r.two", "a", "{suggest: {focus: two}, weight: 4}"),
      Self.rule("r.three", "a", "{suggest: {focus: three}, weight: 2}"),
    ])
    let result = try Self.evaluate(p, "{a: true}").outputs[0]
    #expect(result.picked == [1, 0])
    #expect(result.statuses[2] == .belowThreshold)
    #expect(result.weights == [3, 4, 2])
  }

  @Test("max caps the picks; ties break by declared order")
  func maxAndTies() throws {
    let p = try Self.program([
      Self.rule("r.one", "a", "{suggest: {focus: [one, two, three]}, weight: 3}")
    ])
    let result = try Self.evaluate(p, "{a: true}").outputs[0]
    #expect(result.picked == [0, 1])
    #expect(result.statuses[2] == .outranked)
  }

  @Test("negative weight argues against a value")
  func negativeWeight() throws {
    let p = try Self.program([
      Self.rule("r.for", "a", "{suggest: {focus: one}, weight: 4}"),
      Self.rule("r.against", "b", "{suggest: {focus: one}, weight: -2}"),
    ])
    #expect(try Self.evaluate(p, "{a: true, b: true}").outputs[0].statuses[0] == .belowThreshold)
    #expect(try Self.evaluate(p, "{a: true, b: false}").outputs[0].statuses[0] == .picked(rank: 0))
  }

  @Test("exclude removes a value whatever its weight, and says which rule did")
  func exclusion() throws {
    let p = try Self.program([
      Self.rule("r.for", "a", "{suggest: {focus: one}, weight: 9}"),
      Self.rule("r.contra", "b", "{exclude: {focus: one}}"),
    ])
    let result = try Self.evaluate(p, "{a: true, b: true}").outputs[0]
    #expect(result.statuses[0] == .excluded)
    #expect(result.excludedBy[0] == [p.program.rule(id: "r.contra")].compactMap { $0 })
    #expect(result.picked.isEmpty)
  }

  @Test("a derived finding is true if any deriving rule fired, false if all failed, else unknown")
  func derivedFindings() throws {
    let p = try Self.program([
      Self.rule("d.a", "a", "{derive: d}"),
      Self.rule("d.b", "b", "{derive: d}"),
      Self.rule("use", "d", "{suggest: {technique: t1}}"),
    ])
    let slot = try #require(p.program.findings.firstIndex { $0.name == "d" })
    #expect(try Self.evaluate(p, "{a: true}").facts[slot] == .boolean(true))
    #expect(try Self.evaluate(p, "{a: false, b: false}").facts[slot] == .boolean(false))
    #expect(try Self.evaluate(p, "{a: false}").facts[slot] == .unknown)
    let undetermined = try Self.evaluate(p, "{a: false}")
    #expect(undetermined.ruleTruth[try #require(p.program.rule(id: "use"))] == .unknown)
  }

  @Test(
    "picked is true when picked, false when no undetermined rule could add evidence, else unknown")
  func pickedReferences() throws {
    let p = try Self.program([
      Self.rule("f.one", "a", "{suggest: {focus: one}, weight: 3}"),
      Self.rule("t.one", "focus picked one", "{suggest: {technique: t1}}"),
    ])
    let t = try #require(p.program.rule(id: "t.one"))
    #expect(try Self.evaluate(p, "{a: true}").ruleTruth[t] == .true)
    #expect(try Self.evaluate(p, "{a: false}").ruleTruth[t] == .false)
    #expect(try Self.evaluate(p, "{}").ruleTruth[t] == .unknown)
  }

  @Test("alerts come most severe first and a critical alert defers suggestions")
  func alertsAndDeferral() throws {
    let p = try Self.program([
      Self.rule("a.note", "a", "{alert: info_note}"),
      Self.rule("a.danger", "risk", "{alert: danger}"),
      Self.rule("f.one", "a", "{suggest: {focus: one}, weight: 3}"),
    ])
    let e = try Self.evaluate(p, "{a: true, risk: true}")
    #expect(e.alerts.map { p.program.alerts[$0.alert].name } == ["danger", "info_note"])
    #expect(e.deferredPendingSafety)
    #expect(e.outputs[0].picked == [0], "suggestions are still computed under a critical alert")
    #expect(try !Self.evaluate(p, "{a: true, risk: false}").deferredPendingSafety)
  }

  @Test(
    "a rule reading a derived finding runs after every rule deriving it, whatever the file order")
  func planOrder() throws {
    let p = try Self.program([
      Self.rule("a.use", "d", "{suggest: {technique: t1}}"),
      Self.rule("z.derive", "a", "{derive: d}"),
    ])
    let derive = try #require(p.program.rule(id: "z.derive"))
    let use = try #require(p.program.rule(id: "a.use"))
    let order = p.program.plan.compactMap { step -> Int? in
      if case .rule(let r) = step { return r }
      return nil
    }
    #expect(try #require(order.firstIndex(of: derive)) < #require(order.firstIndex(of: use)))
    #expect(try Self.evaluate(p, "{a: true}").outputs[1].picked == [0])
  }

  @Test("a cycle through derived findings and picked outputs is an error that prints the cycle")
  func cycleIsReported() throws {
    var files = Self.base
    files["rules.yaml"] =
      "rules:\n"
      + [
        Self.rule("c.one", "d", "{suggest: {focus: one}, weight: 3}"),
        Self.rule("c.two", "focus picked one", "{derive: d}"),
      ].joined()
    let (program, diagnostics) = TestSupport.compile(files: files)
    #expect(program == nil)
    let cycle = try #require(diagnostics.first { $0.code == .dependencyCycle })
    #expect(cycle.message.contains("rule 'c.one'"))
    #expect(cycle.message.contains("output 'focus'"))
    #expect(cycle.message.contains("finding 'd'"))
  }

  @Test("what to ask next lists the unknown findings that could raise a critical alert first")
  func askNextRanksCriticalAlertsFirst() throws {
    let p = try Self.program([
      Self.rule("a.danger", "risk", "{alert: danger}"),
      Self.rule("f.one", "c", "{suggest: {focus: one}, weight: 3}"),
    ])
    let (facts, _) = TestSupport.facts("case: c\nfindings: {}\n", advisor: p)
    let f = try #require(facts)
    let explanation = p.program.explain(f, p.program.evaluate(f))
    #expect(explanation.askNext.map { p.program.findings[$0.slot].name } == ["risk", "c"])
    #expect(explanation.askNext.first?.alertSeverity == .critical)
    #expect(explanation.possibleAlerts.map { p.program.alerts[$0.alert].name } == ["danger"])
  }
}
