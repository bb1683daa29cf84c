import Advisor
import RuleDiagnostics
import RuleEngine
import TestSupport

/// A small pack that compiles without any diagnostic. Examples add a file `more.yaml` (which sorts
/// after the base files, so that it is the second declaration of anything it repeats) or replace a
/// base file.
enum DemoPack {
  static let directory = "demo"

  static let files: [String: String] = [
    "pack.yaml": """
    pack: demo
    version: 1.0.0
    title: Demo pack
    references:
      S1: "Weissman MM et al. The Guide to Interpersonal Psychotherapy (2018)."
      S2: "Markowitz JC. Interpersonal psychotherapy for depression (2015)."
    constants:
      phq9_moderate: 10

    """,
    "base/vocabulary.yaml": """
    vocabulary:
      age: {type: integer, range: [0, 120], unit: years, description: Age, ask: How old is the client?}
      phq9: {type: integer, range: [0, 27], description: PHQ-9 total, ask: What is the PHQ-9 score?}
      suicidality:
        type: enum
        values: [none, passive, plan]
        description: Suicidal ideation
        ask: Any suicidal thoughts?
      diagnoses:
        type: set
        values: [major_depression, dysthymia]
        description: Diagnoses
        ask: Which diagnoses apply?
      onset_date: {type: date, description: Onset of the episode, ask: When did the episode begin?}
      partner_name: {type: string, description: Partner's name, ask: What is the partner's name?}
      living_alone: {type: boolean, description: Lives alone, ask: Does the client live alone?}
      life_events:
        type: list
        fields:
          kind: {type: enum, values: [death, separation, move]}
          months_ago: {type: number, range: [0, 600], unit: months}
        description: Life events
        ask: Which life events happened?
      sessions:
        type: list
        section: course
        fields:
          number: {type: integer, range: [1, 60], increasing: true}
          phq9: {like: phq9}
        description: Sessions of the course
        ask: Which sessions were held, with their scores?
      complicated_grief: {type: boolean, derived: true, description: Complicated grief}
    outputs:
      focus:
        title: Problem-area focus
        values:
          grief: {label: Grief, cite: [S1]}
          role_dispute: {label: Role dispute}
    alerts:
      suicide_risk: {severity: critical, label: Suicide risk, cite: [S2]}

    """,
    "base/rules.yaml": """
    rules:
      - id: grief.complicated
        title: Complicated grief
        when: some e in life_events where e.kind is death and e.months_ago >= 12
        then: {derive: complicated_grief}
        because: "A death {e.months_ago} months ago."
        cite: [S1]
        status: reviewed
      - id: grief.focus
        title: Grief focus
        when: complicated_grief
        then: {suggest: {focus: grief}, weight: 3}
        because: Complicated grief.
        cite: [S1]
        status: reviewed

    """,
  ]

  /// The base files with `changes` applied (a nil text removes a file).
  static func files(_ changes: [String: String?]) -> [String: String] {
    var result = files
    for (path, text) in changes { result[path] = text }
    return result
  }

  /// The compiled base pack.
  static let program: Result<Advisor, ProgramError> = {
    let (program, diagnostics) = TestSupport.compile(files: files, directory: directory)
    guard let program, diagnostics.isEmpty else {
      return .failure(ProgramError(diagnostics: diagnostics))
    }
    return .success(program)
  }()

  struct ProgramError: Error, Sendable, CustomStringConvertible {
    var diagnostics: [Diagnostic]
    var description: String {
      diagnostics.map { "\($0.location): \($0.message)" }.joined(separator: "\n")
    }
  }

  /// One reviewed rule, with `because` and `cite`, as a `rules:` list item.
  static func rule(_ id: String, when: String, then: String = "{suggest: {focus: grief}}") -> String
  {
    """
      - id: \(id)
        title: Example rule
        when: \(when)
        then: \(then)
        because: ok
        cite: [S1]
        status: reviewed

    """
  }
}

/// `Testing` has a `SourceLocation` too; in this target the name means ours.
typealias SourceLocation = RuleDiagnostics.SourceLocation
