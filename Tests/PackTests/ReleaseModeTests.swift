import Advisor
import Foundation
import RuleDiagnostics
import RuleEngine
import RuleRender
import RuleTester
import RuleWorkspace
import TestSupport
import Testing

/// Release mode runs only reviewed rules, and the draft rules that safety depends on; every
/// report says which mode ran, the pack's default, and which skipped rules would have fired.
@Suite("release mode and governance")
struct ReleaseModeTests {
  /// A small pack: reviewed and draft rules, a draft contraindication, a draft rule feeding an
  /// alert through a derived finding, and a draft advisory.
  static func pack(manifest extra: String = "", rules more: String = "") -> [String: String] {
    [
      "pack.yaml": "pack: rel\nversion: 1.0.0\ntitle: Release\nreferences: {R: \"A reference\"}\n"
        + extra,
      "vocabulary.yaml": """
      vocabulary:
        dead: {type: boolean, description: a death, ask: Did someone die?}
        moved: {type: boolean, description: a move, ask: Did they move?}
        teen: {type: boolean, description: an adolescent, ask: Is this an adolescent?}
        plan: {type: boolean, description: a suicide plan, ask: Is there a plan?}
        danger: {type: boolean, derived: true, description: danger}
      outputs:
        focus:
          title: Focus
          pick: {max: 1, min_weight: 1}
          values: {grief: {label: Grief}, transition: {label: Transition}}
      alerts:
        risk: {severity: critical, label: Risk}
        note: {severity: info, label: Note}
      """,
      "rules.yaml": """
      rules:
        - {id: grief.death, title: Death, when: dead, then: {suggest: {focus: grief}, weight: 3},
           because: A death., cite: [R], status: reviewed}
        - {id: grief.draft-extra, title: Extra, when: dead, then: {suggest: {focus: grief}, weight: 1},
           because: Draft extra., cite: [R], status: draft}
        - {id: transition.draft-move, title: Move, when: moved, then: {suggest: {focus: transition}, weight: 3},
           because: A move., cite: [R], status: draft}
        - {id: guard.draft-teen, title: Teen, when: teen, then: {exclude: {focus: transition}},
           because: Not for teens., cite: [R], status: draft}
        - {id: derived.draft-danger, title: Danger, when: plan, then: {derive: danger},
           because: A plan is danger., cite: [R], status: draft}
        - {id: safety.risk, title: Risk, when: danger, then: {alert: risk},
           because: Risk., cite: [R], status: reviewed}
        - {id: advice.draft-note, title: Note, when: dead, then: {alert: note},
           because: A note., cite: [R], status: draft}

      """ + more,
    ]
  }

  static func advisor(_ files: [String: String], mode: PackMode? = nil) throws -> Advisor {
    let sources = files.keys.sorted().map { SourceFile(path: "rel/\($0)", text: files[$0] ?? "") }
    let load = Advisor.load(.stored(directory: "rel", files: sources), mode: mode)
    guard let advisor = load.advisor else {
      throw ReadError(path: "rel", reason: "\(load.diagnostics.map(\.message))")
    }
    return advisor
  }

  static func report(_ advisor: Advisor, _ findings: String) throws -> Report {
    let file = SourceFile(path: "c.yaml", text: "case: c\nfindings: {\(findings)}\n")
    return try #require(advisor.evaluate(file).value?.report)
  }

  @Test("release mode leaves out the draft rules safety does not need, and says which would fire")
  func skipsDrafts() throws {
    let release = try Self.advisor(Self.pack(), mode: .release)
    #expect(
      release.program.pack.skippedRules == [
        "advice.draft-note", "grief.draft-extra", "transition.draft-move",
      ])
    let report = try Self.report(release, "dead: true, moved: true, teen: false, plan: false")
    #expect(report.pack.mode == .release && report.pack.defaultMode == .full)
    #expect(report.pack.skippedRules == 3)
    #expect(
      report.wouldFire == ["advice.draft-note", "grief.draft-extra", "transition.draft-move"])
    #expect(!report.fired.contains("grief.draft-extra"))
    let grief = try #require(report.outputs.first { $0.name == "focus" })
    #expect(grief.picked == ["grief"])
    let text = TextRenderer(colour: false).render(ReportDocument().evaluation(report))
    #expect(text.contains("release mode: 3 draft rules skipped (the pack's default is full)"))
    #expect(
      text.contains(
        "would have fired on this case: advice.draft-note, grief.draft-extra, transition.draft-move."
      ))
  }

  @Test("release mode keeps draft contraindications and the draft rules an alert depends on")
  func keepsSafety() throws {
    let release = try Self.advisor(Self.pack(), mode: .release)
    #expect(release.program.rule(id: "guard.draft-teen") != nil)
    #expect(release.program.rule(id: "derived.draft-danger") != nil)
    let report = try Self.report(release, "dead: false, moved: false, teen: false, plan: true")
    #expect(report.alerts.map(\.id) == ["risk"])
  }

  @Test("release mode never drops an alert or allows an excluded value on the shipped cases")
  func shippedPackKeepsEverySafetyGate() throws {
    let full = try TestSupport.core()
    let release = try #require(Advisor.load(.disk("rules/ipt-core"), mode: .release).advisor)
    #expect(!release.program.pack.skippedRules.isEmpty)
    // On a sample case the report lists the skipped draft rules that would have fired.
    let c01 = try #require(
      release.evaluate(try TestSupport.read("rules/ipt-core/cases/c01-grief-recent-death.yaml"))
        .value)
    #expect(c01.report.wouldFire?.contains("grief.avoided-mourning") == true)
    #expect(c01.report.fired.allSatisfy { !release.program.pack.skippedRules.contains($0) })
    let files =
      try Workspace.yamlFiles(in: "rules/ipt-core/cases")
      + Workspace.yamlFiles(in: "validation/cases")
    for path in files {
      let file = try TestSupport.read(path)
      let a = try #require(full.evaluate(file).value)
      let b = try #require(release.evaluate(file).value)
      let alerts = { (o: Outcome, p: Program) in
        Set(o.evaluation.alerts.filter { $0.severity != .info }.map { p.alerts[$0.alert].name })
      }
      #expect(alerts(a, full.program) == alerts(b, release.program), "\(path)")
      #expect(
        a.evaluation.deferredPendingSafety == b.evaluation.deferredPendingSafety
          || !b.evaluation.outputs.contains { !$0.picked.isEmpty }, "\(path)")
      for (o, result) in a.evaluation.outputs.enumerated() {
        for v in result.excludedBy.indices where !result.excludedBy[v].isEmpty {
          #expect(
            !b.evaluation.outputs[o].picked.contains(v),
            "\(path): \(full.program.outputs[o].values[v].name)")
        }
      }
    }
  }

  @Test("the manifest's mode is the default; a command can ask for the other")
  func manifestMode() throws {
    let files = Self.pack(manifest: "mode: release\n")
    let byDefault = try Self.advisor(files)
    #expect(byDefault.program.pack.mode == .release)
    let full = try Self.advisor(files, mode: .full)
    let report = try Self.report(full, "dead: true")
    #expect(report.pack.mode == .full && report.pack.defaultMode == .release)
    #expect(report.pack.skippedRules == nil && report.wouldFire == nil)
    #expect(report.pack.modeText == "full mode (the pack's default is release)")
    let (_, diagnostics) = TestSupport.compile(files: Self.pack(manifest: "mode: relase\n"))
    #expect(
      diagnostics.contains { $0.code == .invalidValue && $0.hint == "did you mean 'release'?" })
  }

  @Test("a pack test that needs a skipped draft rule fails and says why")
  func packTestNamesSkippedRule() throws {
    var files = Self.pack()
    files["tests/t.yaml"] = """
      tests:
        - name: the draft extra fires
          findings: {dead: true}
          expect: {fired: [grief.draft-extra], picked: {focus: [grief]}}
      """
    let release = try Self.advisor(files, mode: .release)
    let run = release.runTests(files: ["rel/tests/t.yaml"])
    let failure = try #require(run.outcomes.first?.failures.first)
    #expect(failure.expected == "rule grief.draft-extra fires")
    #expect(failure.actual == "skipped: a draft rule, left out in release mode")
    let full = try Self.advisor(files, mode: .full)
    #expect(full.runTests(files: ["rel/tests/t.yaml"]).failedCount == 0)
  }

  @Test("a pack test can expect a rule to be skipped in release mode")
  func packTestExpectsSkipped() throws {
    var files = Self.pack()
    files["tests/t.yaml"] = """
      tests:
        - name: release leaves out the draft extra, never the draft guard
          findings: {dead: true}
          expect: {skipped: [grief.draft-extra, guard.draft-teen]}
      """
    let release = try Self.advisor(files, mode: .release)
    let failures = try #require(release.runTests(files: ["rel/tests/t.yaml"]).outcomes.first)
      .failures
    #expect(failures.map(\.expected) == ["rule guard.draft-teen skipped in release mode"])
    #expect(failures.map(\.actual) == ["ran: a draft rule, or one a safety gate needs"])
    let full = try Self.advisor(files, mode: .full)
    let inFull = try #require(full.runTests(files: ["rel/tests/t.yaml"]).outcomes.first).failures
    #expect(
      inFull.map(\.actual).allSatisfy { $0 == "ran: the pack runs in full mode (use --release)" })
    #expect(inFull.count == 2)
  }

  @Test("governance: a due review warns, a bad date is an error, strict packs need reviewers")
  func governance() throws {
    func diagnostics(_ manifest: String, _ fields: String) -> [Diagnostic] {
      let rule = """
          - {id: extra.x, title: X, when: dead, then: {suggest: {focus: grief}}, because: x,
             cite: [R], status: reviewed\(fields)}

        """
      return TestSupport.compile(files: Self.pack(manifest: manifest, rules: rule)).1
    }
    let due = diagnostics("", ", reviewed_by: t, reviewed_on: 2020-01-01, review_due: 2021-01-01")
    #expect(due.map(\.code) == [.reviewDue])
    #expect(diagnostics("", ", reviewed_by: t, review_due: 2999-01-01").isEmpty)
    #expect(diagnostics("", ", reviewed_on: 2020-13-01").map(\.code) == [.invalidDate])
    let strict = diagnostics("governance: strict\n", "")
    // extra.x, and the pack's own reviewed rules grief.death and safety.risk.
    #expect(strict.filter { $0.code == .reviewerMissing }.count == 3)
  }
}
