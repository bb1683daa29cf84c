import Advisor
import Foundation
import RuleDiagnostics
import RuleWorkspace
import TestSupport
import Testing

/// The deep lint (`ipt lint`): a fixture pack with two planted flaws of each kind gets every one
/// reported at its place, with its code, and nothing else; the shipped pack gets none.
@Suite("deep lint")
struct LogicLintTests {
  /// Each file with markers: `1️⃣` ... where a warning must point.
  static let files: [String: MarkedText] = [
    "pack.yaml": MarkedText(
      """
      pack: flaws
      version: 1.0.0
      title: Planted flaws
      references: {R: "A reference"}
      constants:
        lim: 10
        1️⃣unused_a: 3
        2️⃣unused_b: 4
      """),
    "vocabulary.yaml": MarkedText(
      """
      vocabulary:
        score: {type: integer, range: [0, 27], description: a score, ask: What is the score?}
        kind: {type: enum, values: [a, b, c], description: a kind, ask: Which kind?}
        flag: {type: boolean, description: a flag, ask: Is it flagged?}
        other: {type: boolean, description: another flag, ask: Is the other one set?}
        1️⃣spare1: {type: boolean, description: unread, ask: Spare one?}
        2️⃣spare2: {type: integer, range: [0, 9], description: unread, ask: Spare two?}
        noted: {type: boolean, description: kept for people, ask: Noted?, record_only: true}
        3️⃣d1: {type: boolean, derived: true, description: derived and unread}
        4️⃣d2: {type: boolean, derived: true, description: derived and unread}
        dd: {type: boolean, derived: true, description: derived and read}
      outputs:
        focus:
          title: Focus
          pick: {max: 1, min_weight: 3}
          values:
            x: {label: X}
            y: {label: Y}
            5️⃣z: {label: Z}
            6️⃣w: {label: W}
            7️⃣v: {label: V}
            8️⃣u: {label: U}
      alerts:
        risk: {severity: critical, label: Risk}
      """),
    "rules.yaml": MarkedText(
      """
      rules:
        - id: 1️⃣unreachable.numbers
          title: A score above 20 and below 10
          when: [score > 20, score < 10]
          then: {suggest: {focus: x}, weight: 3}
          because: never
          cite: [R]
        - id: 2️⃣unreachable.enum
          title: Two kinds at once
          when: [kind is a, kind is b]
          then: {suggest: {focus: y}, weight: 3}
          because: never
          cite: [R]
        - id: alert.wide
          title: Flagged
          when: flag
          then: {alert: risk}
          because: flagged
          cite: [R]
        - id: 3️⃣alert.narrow
          title: Flagged with a score
          when: [flag, score > 5]
          then: {alert: risk}
          because: flagged with a score
          cite: [R]
        - id: derive.wide
          title: Kind a or b
          when: kind in [a, b]
          then: {derive: dd}
          because: a or b
          cite: [R]
        - id: 4️⃣derive.narrow
          title: Kind a
          when: kind is a
          then: {derive: dd}
          because: a
          cite: [R]
        - id: 5️⃣suggest.x-high
          title: Other and a high score
          when: [other, score >= 15]
          then: {suggest: {focus: x}, weight: 3}
          because: high
          cite: [R]
        - id: exclude.x
          title: Score above the limit
          when: score > lim
          then: {exclude: {focus: x}}
          because: above the limit
          cite: [R]
        - id: 6️⃣suggest.y-c
          title: Kind c
          when: kind is c
          then: {suggest: {focus: y}, weight: 3}
          because: c
          cite: [R]
        - id: exclude.y
          title: Kind b or c
          when: kind in [b, c]
          then: {exclude: {focus: y}}
          because: b or c
          cite: [R]
        - id: value.v
          title: V, too little
          when: flag
          then: {suggest: {focus: v}, weight: 2}
          because: v
          cite: [R]
        - id: value.u
          title: U, too little
          when: other
          then: {suggest: {focus: u}, weight: 1}
          because: u
          cite: [R]
        - id: 7️⃣because.score
          title: Flag, explained by the score
          when: flag
          then: {suggest: {focus: x}, weight: 3}
          because: "The score is {score}."
          cite: [R]
        - id: 8️⃣because.kind
          title: Other, explained by the kind
          when: other
          then: {suggest: {focus: y}, weight: 3}
          because: "The kind is {kind}."
          cite: [R]
        - id: derive.d1
          title: D1
          when: flag
          then: {derive: d1}
          because: d1
          cite: [R]
        - id: derive.d2
          title: D2
          when: other
          then: {derive: d2}
          because: d2
          cite: [R]
        - id: read.dd
          title: Reads dd
          when: dd
          then: {suggest: {focus: x}, weight: 1}
          because: dd
          cite: [R]
      """),
  ]

  /// Code and place (file, marker) of every planted flaw: two of each kind.
  static let expected: [(code: DiagnosticCode, file: String, marker: String)] = [
    (.unreachableRule, "rules.yaml", "1️⃣"), (.unreachableRule, "rules.yaml", "2️⃣"),
    (.redundantRule, "rules.yaml", "3️⃣"), (.redundantRule, "rules.yaml", "4️⃣"),
    (.contradictoryRules, "rules.yaml", "5️⃣"), (.contradictoryRules, "rules.yaml", "6️⃣"),
    (.becauseUnread, "rules.yaml", "7️⃣"), (.becauseUnread, "rules.yaml", "8️⃣"),
    (.unsuggestedValue, "vocabulary.yaml", "5️⃣"), (.unsuggestedValue, "vocabulary.yaml", "6️⃣"),
    (.unreachableValue, "vocabulary.yaml", "7️⃣"), (.unreachableValue, "vocabulary.yaml", "8️⃣"),
    (.unusedFinding, "vocabulary.yaml", "1️⃣"), (.unusedFinding, "vocabulary.yaml", "2️⃣"),
    (.unusedDerived, "vocabulary.yaml", "3️⃣"), (.unusedDerived, "vocabulary.yaml", "4️⃣"),
    (.unusedConstant, "pack.yaml", "1️⃣"), (.unusedConstant, "pack.yaml", "2️⃣"),
  ]

  static func diagnostics(analyse: Bool) -> [Diagnostic] {
    let sources = files.keys.sorted().map {
      SourceFile(path: "flaws/\($0)", text: files[$0]?.text ?? "")
    }
    return Advisor.load(directory: "flaws", files: sources, analyse: analyse).diagnostics
  }

  @Test("every planted flaw is reported at its place, and nothing else")
  func plantedFlaws() throws {
    let reported = Self.diagnostics(analyse: true)
    #expect(reported.allSatisfy { $0.severity == .warning }, "\(reported.map(\.message))")
    var expected: [String] = []
    for flaw in Self.expected {
      let location = try #require(
        Self.files[flaw.file]?.location(flaw.marker, file: "flaws/\(flaw.file)"))
      expected.append("\(flaw.code.rawValue) \(location.file):\(location.line):\(location.column)")
    }
    let actual = reported.map {
      "\($0.code.rawValue) \($0.location.file):\($0.location.line):\($0.location.column)"
    }
    #expect(actual.sorted() == expected.sorted())
    #expect(Set(Self.expected.map(\.code)).count == 9)
  }

  @Test("the deep lint runs only when asked (ipt lint), never on every load")
  func onlyWhenAsked() {
    #expect(Self.diagnostics(analyse: false).isEmpty)
  }

  @Test("the shipped pack has no logic warning")
  func shippedPackIsClean() throws {
    _ = try TestSupport.core()
    let load = Advisor.load(.disk("rules/ipt-core"), analyse: true)
    #expect(load.diagnostics.isEmpty, "\(load.diagnostics.map { "\($0.location): \($0.message)" })")
  }

  @Test("messages say what is wrong")
  func messages() throws {
    let reported = Self.diagnostics(analyse: true)
    let text = Set(reported.map(\.message))
    #expect(
      text.contains(
        "rule 'alert.narrow' is redundant: whenever it holds, 'alert.wide' holds and does the same")
    )
    #expect(
      text.contains(
        "rule 'suggest.x-high' suggests focus: x, but whenever it holds 'exclude.x' excludes it"))
    #expect(
      text.contains(
        "focus: 'v' can never be picked: all its rules together give 2 of the 3 points it needs"))
    #expect(
      text.contains(
        "the because of rule 'because.score' names 'score', which its conditions never read"))
  }
}
