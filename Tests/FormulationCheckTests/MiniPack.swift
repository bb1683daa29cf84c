import Foundation
import Advisor
import RuleDiagnostics
import RuleEngine
import RuleSyntax
import TestSupport
import Testing
import TraineeCheck

/// A small in-memory pack whose rules make every verdict easy to reach, and helpers to check a
/// formulation against one of its cases.
enum MiniPack {
  static let files: [String: String] = [
    "pack.yaml": """
    pack: mini
    version: 1.0.0
    title: Mini
    references: {R: "A reference"}
    """,
    "vocabulary.yaml": """
    vocabulary:
      dead: {type: boolean, description: a death, ask: Did someone close die?}
      avoid: {type: boolean, description: avoided mourning, ask: Has mourning been avoided?}
      extra: {type: boolean, description: one more point of grief, ask: Is there more?}
      moved: {type: boolean, description: a move, ask: Did the client move?}
      teen: {type: boolean, description: an adolescent, ask: Is the client an adolescent?}
      risk: {type: boolean, description: acute risk, ask: Is there acute risk?}
      strain: {type: boolean, description: strain, ask: Is there strain?}
    outputs:
      focus:
        title: Focus
        pick: {max: 1, min_weight: 3}
        values: {grief: {label: Grief}, transition: {label: Transition}, dispute: {label: Dispute}}
      variant:
        title: Variant
        pick: {max: 1, min_weight: 1}
        values: {standard: {label: Standard}, adolescent: {label: Adolescent}}
    alerts:
      danger: {severity: critical, label: Danger}
      watch: {severity: warning, label: Watch}
      note: {severity: info, label: Note}
    """,
    "rules.yaml": """
    rules:
      - {id: grief.death, title: Death, when: dead, then: {suggest: {focus: grief}, weight: 3},
         because: A death., teach: Grief means a death., cite: [R], status: reviewed}
      - {id: grief.avoided, title: Avoided, when: avoid, then: {suggest: {focus: grief}, weight: 2},
         because: Mourning avoided., cite: [R], status: reviewed}
      - {id: grief.extra, title: Extra, when: extra, then: {suggest: {focus: grief}, weight: 1},
         because: One more point., cite: [R], status: reviewed}
      - {id: transition.move, title: Move, when: moved, then: {suggest: {focus: transition}, weight: 3},
         because: A move., teach: A move is a role transition., cite: [R], status: reviewed}
      - {id: variant.standard, title: Standard, when: "not teen", then: {suggest: {variant: standard}, weight: 1},
         because: An adult., cite: [R], status: reviewed}
      - {id: variant.adolescent, title: Adolescent, when: teen, then: {suggest: {variant: adolescent}, weight: 1, exclude: {variant: standard}},
         because: An adolescent., teach: Adolescents get the adolescent variant., cite: [R], status: reviewed}
      - {id: safety.risk, title: Risk, when: risk, then: {alert: danger}, because: Acute risk., cite: [R], status: reviewed}
      - {id: safety.strain, title: Strain, when: strain, then: {alert: watch}, because: Strain., cite: [R], status: reviewed}
      - {id: safety.note, title: Note, when: dead, then: {alert: note}, because: A note., cite: [R], status: reviewed}
    """,
  ]

  static let advisor: Result<Advisor, any Error> = Result {
    let (advisor, diagnostics) = TestSupport.compile(files: files)
    guard let advisor else {
      throw CheckTestError(
        "the mini pack does not compile: \(diagnostics.map { "\($0.location): \($0.message)" })")
    }
    return advisor
  }

  static let program: Result<Program, any Error> = advisor.map(\.program)

  /// Every finding known and false, then `findings` on top (a YAML flow mapping body).
  static func facts(_ program: Program, _ findings: String, allKnown: Bool = true) throws
    -> CaseFacts
  {
    let defaults =
      allKnown
      ? "dead: false, avoid: false, extra: false, moved: false, teen: false, risk: false, strain: false"
      : ""
    var merged: [String: String] = [:]
    for part in (defaults + ", " + findings).split(separator: ",") {
      let pair = part.split(separator: ":").map { $0.trimmingCharacters(in: .whitespaces) }
      if pair.count == 2 { merged[pair[0]] = pair[1] }
    }
    let body = merged.keys.sorted().map { "\($0): \(merged[$0] ?? "")" }.joined(separator: ", ")
    let (facts, diagnostics) = TestSupport.facts(
      "case: mini-1\nfindings: {\(body)}\n", advisor: try advisor.get())
    return try #require(facts, "\(diagnostics.map(\.message))")
  }

  /// Compiles a formulation of case `mini-1`.
  static func formulation(_ program: Program, _ yaml: String) throws -> Formulation {
    let (syntax, loadDiagnostics) = Loader.loadFormulation(
      SourceFile(path: "f.yaml", text: "formulation: mini-1\nby: trainee-1\n" + yaml))
    let compiled = FormulationCompiler(program: program).compile(
      try #require(syntax), sha256: "", forCase: "mini-1")
    return try #require(
      compiled.value, "\((loadDiagnostics + compiled.diagnostics).map(\.message))")
  }

  /// Checks `formulation` (YAML after the `formulation:` and `by:` lines) against a case.
  static func compare(_ formulation: String, findings: String, allKnown: Bool = true) throws
    -> (Program, FormulationComparison)
  {
    let program = try Self.program.get()
    let facts = try Self.facts(program, findings, allKnown: allKnown)
    let explanation = program.explain(facts, program.evaluate(facts))
    return (program, program.compare(try Self.formulation(program, formulation), with: explanation))
  }
}

struct CheckTestError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}

extension FormulationComparison {
  /// The verdicts of one output, by value name.
  func verdicts(_ output: String, in program: Program) -> [String: Verdict] {
    guard let index = program.outputs.firstIndex(where: { $0.name == output }) else { return [:] }
    var out: [String: Verdict] = [:]
    for v in outputs[index].values { out[program.outputs[index].values[v.value].name] = v.verdict }
    return out
  }

  func value(_ output: String, _ value: String, in program: Program) -> ValueComparison? {
    guard let o = program.outputs.firstIndex(where: { $0.name == output }),
      let v = program.outputs[o].values.firstIndex(where: { $0.name == value })
    else { return nil }
    return outputs[o].values.first { $0.value == v }
  }
}
