import RuleDiagnostics
import Testing

/// Every diagnostic code the load and check stages and the workspace can report, triggered by a
/// small mistake, with its severity, line and column asserted.
@Suite("Diagnostic examples")
struct DiagnosticExampleTests {
  typealias Example = DiagnosticExample

  static func rules(_ items: String...) -> String { "rules:\n" + items.joined() }

  static let aliasBomb: String = {
    var text = "1️⃣l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    for i in 1..<10 {
      text +=
        "l\(i): &l\(i) [" + Array(repeating: "*l\(i - 1)", count: 10).joined(separator: ", ")
        + "]\n"
    }
    return text
  }()

  static let examples: [Example] = [
    // MARK: Load: YAML and file shape
    Example(
      code: "yaml-syntax", severity: .error, situation: "a key indented by one space too many",
      input: .pack(["more.yaml": "rules:\n  - id: a\n   1️⃣title: b\n"])),
    Example(
      code: "not-utf8", severity: .error, situation: "a control character",
      input: .pack(["more.yaml": "constants:\n  limit: 1️⃣\u{1}\n"])),
    Example(
      code: "binary-file", severity: .error, situation: "a NUL byte",
      input: .pack(["more.yaml": "1️⃣constants:\n  limit: 1\u{0}\n"])),
    Example(
      code: "empty-file", severity: .error, situation: "a file with only blank lines",
      input: .pack(["more.yaml": "1️⃣\n\n"])),
    Example(
      code: "too-deep", severity: .error, situation: "flow lists nested 200 deep",
      input: .pack([
        "more.yaml": "constants:\n  limit: " + String(repeating: "[", count: 128) + "1️⃣"
          + String(repeating: "[", count: 72) + String(repeating: "]", count: 200) + "\n"
      ])),
    Example(
      code: "too-large", severity: .error, situation: "an alias bomb",
      input: .pack(["more.yaml": aliasBomb])),
    Example(
      code: "duplicate-key", severity: .error, situation: "a constant written twice",
      input: .pack(["more.yaml": "constants:\n  limit: 1\n  1️⃣limit: 2\n"])),
    Example(
      code: "unknown-key", severity: .error, situation: "a misspelt rule key",
      input: .pack([
        "more.yaml": rules(DemoPack.rule("r.x", when: "living_alone") + "    1️⃣autor: me\n")
      ])),
    Example(
      code: "missing-key", severity: .error, situation: "an enum without 'values'",
      input: .pack([
        "more.yaml": "vocabulary:\n  mood: 1️⃣{type: enum, description: Mood, ask: Mood?}\n"
      ])),
    Example(
      code: "missing-key", severity: .error, situation: "a rule without 'title' and 'when'",
      input: .pack(["more.yaml": "rules:\n  - 1️⃣2️⃣id: r.x\n    then: {suggest: {focus: grief}}\n"]),
      also: ["missing-rationale"]),
    Example(
      code: "undocumented-finding", severity: .warning, situation: "a finding without 'ask'",
      input: .pack(["more.yaml": "vocabulary:\n  1️⃣mood: {type: boolean, description: Low mood}\n"])),
    Example(
      code: "wrong-shape", severity: .error, situation: "a constant that is a list",
      input: .pack(["more.yaml": "constants:\n  limit: 1️⃣[1, 2]\n"])),
    Example(
      code: "invalid-value", severity: .error, situation: "a misspelt type",
      input: .pack([
        "more.yaml": "vocabulary:\n  mood: {type: 1️⃣boolen, description: Low mood, ask: Low?}\n"
      ])),
    Example(
      code: "invalid-value", severity: .error, situation: "an unknown alert severity",
      input: .pack(["more.yaml": "alerts:\n  danger: {severity: 1️⃣severe, label: Danger}\n"])),
    Example(
      code: "invalid-value", severity: .error, situation: "a finding named by a keyword",
      input: .pack([
        "more.yaml": "vocabulary:\n  1️⃣count: {type: integer, description: Count, ask: How many?}\n"
      ])),
    Example(
      code: "expression-syntax", severity: .error, situation: "'=' instead of '=='",
      input: .pack(["more.yaml": rules(DemoPack.rule("r.x", when: "phq9 1️⃣= 10"))])),
    Example(
      code: "expression-syntax", severity: .error,
      situation: "'&&' on the second line of a folded condition",
      input: .pack([
        "more.yaml": rules(
          DemoPack.rule("r.x", when: ">\n      phq9 >= 10\n      1️⃣&& living_alone"))
      ])),
    Example(
      code: "duplicate-name", severity: .error, situation: "an enum value listed twice",
      input: .pack([
        "more.yaml":
          "vocabulary:\n  mood: {type: enum, values: [low, 1️⃣low], description: Mood, ask: Mood?}\n"
      ])),
    Example(
      code: "duplicate-name", severity: .error, situation: "a finding declared in two files",
      input: .pack([
        "more.yaml": "vocabulary:\n  1️⃣age: {type: integer, description: Age again, ask: Age?}\n"
      ])),
    Example(
      code: "template-syntax", severity: .error, situation: "an unclosed '{' in 'because'",
      input: .pack([
        "more.yaml": rules(
          "  - id: r.x\n    title: x\n    when: living_alone\n    then: {suggest: {focus: grief}}\n"
            + "    because: Lives alone 1️⃣{living_alone\n    cite: [S1]\n")
      ])),
    Example(
      code: "missing-manifest", severity: .error, situation: "a folder without pack.yaml",
      input: .pack([
        "pack.yaml": nil, "base/vocabulary.yaml": nil, "base/rules.yaml": nil,
        "more.yaml": "constants:\n  limit: 1\n",
      ]),
      at: .init(file: "demo/pack.yaml", line: 1, column: 1)),

    // MARK: Check: names
    Example(
      code: "unknown-finding", severity: .error, situation: "a misspelt finding in a condition",
      input: .pack(["more.yaml": rules(DemoPack.rule("r.x", when: "1️⃣phq_9 >= 10"))])),
    Example(
      code: "unknown-finding", severity: .error,
      situation: "a misspelt name on the second line of a plain condition",
      input: .pack([
        "more.yaml": rules(
          DemoPack.rule("r.x", when: "phq9 >= 10 and\n      age < 18 and 1️⃣livng_alone"))
      ])),
    Example(
      code: "unknown-finding", severity: .error,
      situation: "a misspelt name on the second line of a quoted condition",
      input: .pack([
        "more.yaml": rules(DemoPack.rule("r.x", when: "\"phq9 >= 10 and\n      1️⃣livng_alone\""))
      ])),
    Example(
      code: "unknown-finding", severity: .error,
      situation: "deriving a finding that does not exist",
      input: .pack([
        "more.yaml": rules(
          DemoPack.rule("r.x", when: "living_alone", then: "{derive: 1️⃣complicated_grif}"))
      ])),
    Example(
      code: "unknown-constant", severity: .error, situation: "a misspelt constant",
      input: .pack(["more.yaml": rules(DemoPack.rule("r.x", when: "phq9 >= 1️⃣phq9_moderat"))])),
    Example(
      code: "unknown-field", severity: .error, situation: "a misspelt record field",
      input: .pack([
        "more.yaml": rules(
          DemoPack.rule("r.x", when: "some e in life_events where e.1️⃣kidn is death"))
      ])),
    Example(
      code: "unknown-enum-value", severity: .error, situation: "a misspelt enum value",
      input: .pack(["more.yaml": rules(DemoPack.rule("r.x", when: "suicidality is 1️⃣plna"))])),
    Example(
      code: "unknown-enum-value", severity: .error, situation: "a misspelt set value",
      input: .pack([
        "more.yaml": rules(
          DemoPack.rule("r.x", when: "diagnoses has any [dysthymia, 1️⃣major_depresion]"))
      ])),
    Example(
      code: "unknown-output", severity: .error, situation: "a misspelt output in 'suggest'",
      input: .pack([
        "more.yaml": rules(
          DemoPack.rule("r.x", when: "living_alone", then: "{suggest: {1️⃣focsu: grief}}"))
      ])),
    Example(
      code: "unknown-output-value", severity: .error,
      situation: "a misspelt output value in 'suggest'",
      input: .pack([
        "more.yaml": rules(
          DemoPack.rule("r.x", when: "living_alone", then: "{suggest: {focus: 1️⃣greif}}"))
      ])),
    Example(
      code: "unknown-output-value", severity: .error, situation: "a misspelt value after 'picked'",
      input: .pack([
        "more.yaml": rules(
          DemoPack.rule("r.x", when: "focus picked 1️⃣greif", then: "{alert: suicide_risk}"))
      ])),
    Example(
      code: "unknown-alert", severity: .error, situation: "a misspelt alert",
      input: .pack([
        "more.yaml": rules(
          DemoPack.rule("r.x", when: "living_alone", then: "{alert: 1️⃣suicide_rsk}"))
      ])),
    Example(
      code: "unknown-citation", severity: .error,
      situation: "a citation key missing from references",
      input: .pack([
        "more.yaml": rules(
          "  - id: r.x\n    title: x\n    when: living_alone\n    then: {suggest: {focus: grief}}\n"
            + "    because: ok\n    cite: [S1, 1️⃣S3]\n")
      ])),

    // MARK: Check: types and values
    Example(
      code: "type-mismatch", severity: .error, situation: "a number used as a condition",
      input: .pack(["more.yaml": rules(DemoPack.rule("r.x", when: "1️⃣phq9"))])),
    Example(
      code: "type-mismatch", severity: .error, situation: "a number compared with text",
      input: .pack(["more.yaml": rules(DemoPack.rule("r.x", when: "'1️⃣age == \"old\"'"))])),
    Example(
      code: "never-true", severity: .warning, situation: "a bound at the top of the declared range",
      input: .pack(["more.yaml": rules(DemoPack.rule("r.x", when: "1️⃣phq9 > 27"))])),
    Example(
      code: "value-out-of-range", severity: .error,
      situation: "a condition's number outside the declared range",
      input: .pack(["more.yaml": rules(DemoPack.rule("r.x", when: "phq9 >= 1️⃣30"))])),
    Example(
      code: "not-derived", severity: .error, situation: "deriving a finding that cases give",
      input: .pack([
        "more.yaml": rules(DemoPack.rule("r.x", when: "phq9 > 3", then: "{derive: 1️⃣living_alone}"))
      ])),
    Example(
      code: "never-derived", severity: .warning, situation: "a derived finding no rule derives",
      input: .pack([
        "more.yaml": "vocabulary:\n  1️⃣lonely: {type: boolean, derived: true, description: Lonely}\n"
      ])),

    // MARK: Check: rules and the graph
    Example(
      code: "duplicate-rule-id", severity: .error, situation: "a rule id used in two files",
      input: .pack(["more.yaml": rules(DemoPack.rule("1️⃣grief.focus", when: "living_alone"))])),
    Example(
      code: "dependency-cycle", severity: .error,
      situation: "two rules deriving each other's premise",
      input: .pack([
        "more.yaml": """
        vocabulary:
          a_d: {type: boolean, derived: true, description: A}
          b_d: {type: boolean, derived: true, description: B}
        rules:
        \(DemoPack.rule("1️⃣cycle.a", when: "b_d", then: "{derive: a_d}"))\
        \(DemoPack.rule("cycle.b", when: "a_d", then: "{derive: b_d}"))
        """
      ])),
    Example(
      code: "missing-rationale", severity: .error, situation: "a reviewed rule without 'because'",
      input: .pack([
        "more.yaml": rules(
          "  - id: 1️⃣r.x\n    title: x\n    when: living_alone\n    then: {suggest: {focus: grief}}\n"
            + "    cite: [S1]\n    status: reviewed\n")
      ])),
    Example(
      code: "missing-rationale", severity: .warning, situation: "a draft rule without 'cite'",
      input: .pack([
        "more.yaml": rules(
          "  - id: 1️⃣r.x\n    title: x\n    when: living_alone\n    then: {suggest: {focus: grief}}\n"
            + "    because: ok\n    status: draft\n")
      ])),
    Example(
      code: "review-due", severity: .warning, situation: "a rule whose review date has passed",
      input: .pack([
        "more.yaml": rules(
          "  - id: r.x\n    title: x\n    when: living_alone\n    then: {suggest: {focus: grief}}\n"
            + "    because: ok\n    cite: [S1]\n    status: reviewed\n    reviewed_by: trainer-1\n"
            + "    reviewed_on: 2020-01-06\n    review_due: 1️⃣2021-01-06\n")
      ])),
    Example(
      code: "reviewer-missing", severity: .error,
      situation: "a reviewed rule without 'reviewed_by' in a pack with governance: strict",
      input: .pack([
        "pack.yaml": (DemoPack.files["pack.yaml"] ?? "") + "governance: strict\n",
        // The demo's own reviewed rules name their reviewer.
        "base/rules.yaml": (DemoPack.files["base/rules.yaml"] ?? "").replacing(
          "    status: reviewed\n", with: "    status: reviewed\n    reviewed_by: trainer-1\n"),
        "more.yaml": rules(
          "  - id: 1️⃣r.x\n    title: x\n    when: living_alone\n    then: {suggest: {focus: grief}}\n"
            + "    because: ok\n    cite: [S1]\n    status: reviewed\n"),
      ])),
    Example(
      code: "unknown-placeholder", severity: .error, situation: "a misspelt placeholder",
      input: .pack([
        "more.yaml": rules(
          "  - id: r.x\n    title: x\n    when: phq9 >= 10\n    then: {suggest: {focus: grief}}\n"
            + "    because: PHQ-9 is {1️⃣phq_9}.\n    cite: [S1]\n")
      ])),

    // MARK: Case files
    Example(
      code: "unknown-finding", severity: .error, situation: "a misspelt finding in a case",
      input: .caseFile("case: c\nfindings:\n  1️⃣phq_9: 12\n")),
    Example(
      code: "derived-in-case", severity: .error, situation: "a case giving a derived finding",
      input: .caseFile("case: c\nfindings:\n  1️⃣complicated_grief: true\n")),
    Example(
      code: "type-mismatch", severity: .error, situation: "text where a case needs a number",
      input: .caseFile("case: c\nfindings:\n  age: 1️⃣old\n")),
    Example(
      code: "unknown-enum-value", severity: .error, situation: "a misspelt enum value in a case",
      input: .caseFile("case: c\nfindings:\n  suicidality: 1️⃣pasive\n")),
    Example(
      code: "value-out-of-range", severity: .error, situation: "a score above its range",
      input: .caseFile("case: c\nfindings:\n  phq9: 1️⃣30\n")),
    Example(
      code: "unknown-field", severity: .error, situation: "a misspelt field of a record in a case",
      input: .caseFile("case: c\nfindings:\n  life_events:\n    - {kind: death, 1️⃣monthsago: 3}\n")),
    Example(
      code: "invalid-date", severity: .error, situation: "a day that does not exist",
      input: .caseFile("case: c\nfindings:\n  onset_date: 1️⃣2026-02-30\n")),
    Example(
      code: "invalid-interval", severity: .error,
      situation: "a partly known number given upside down",
      input: .caseFile("case: c\nfindings:\n  age: {between: 1️⃣[40, 30]}\n")),
    Example(
      code: "wrong-section", severity: .error, situation: "sessions written under findings",
      input: .caseFile("case: c\nfindings:\n  1️⃣sessions:\n    - {number: 1}\n")),
    Example(
      code: "not-increasing", severity: .error,
      situation: "a session numbered before the previous one",
      input: .caseFile(
        "case: c\ncourse:\n  sessions:\n    - {number: 2, phq9: 12}\n    - {number: 1️⃣1, phq9: 10}\n"
      )),

    // MARK: Workspace: folders and files
    Example(
      code: "extends-not-found", severity: .error,
      situation: "extending a folder that is not there",
      input: .folder(text: [
        "main/pack.yaml": (DemoPack.files["pack.yaml"] ?? "") + "extends: [1️⃣../nowhere]\n"
      ])),
    Example(
      code: "extends-cycle", severity: .error, situation: "a pack that extends itself",
      input: .folder(text: [
        "main/pack.yaml": (DemoPack.files["pack.yaml"] ?? "") + "extends: [1️⃣.]\n"
      ])),
    Example(
      code: "extends-cycle", severity: .error, situation: "two packs that extend each other",
      input: .folder(text: [
        "main/pack.yaml": (DemoPack.files["pack.yaml"] ?? "") + "extends: [../base]\n",
        "base/pack.yaml": "pack: base\nversion: 1.0.0\nextends: [1️⃣../main]\n",
      ])),
    Example(
      code: "not-utf8", severity: .error, situation: "a pack file in Latin-1",
      input: .folder(text: [:], bytes: ["main/latin1.yaml": [0x61, 0x3A, 0x20, 0xE9, 0x0A]]),
      at: .init(file: "main/latin1.yaml", line: 1, column: 4)),
    Example(
      code: "not-utf8", severity: .error, situation: "a pack file in UTF-16",
      input: .folder(text: [:], bytes: ["main/utf16.yaml": [0xFF, 0xFE, 0x61, 0x00, 0x3A, 0x00]]),
      at: .init(file: "main/utf16.yaml", line: 1, column: 1)),
    Example(
      code: "binary-file", severity: .error, situation: "a pack file with NUL bytes",
      input: .folder(text: [:], bytes: ["main/blob.yaml": [0x00, 0x01, 0x02]]),
      at: .init(file: "main/blob.yaml", line: 1, column: 1)),
    Example(
      code: "file-unreadable", severity: .error, situation: "a pack file that is a broken link",
      input: .folder(text: [:], links: ["main/gone.yaml": "nothing-here.yaml"]),
      at: .init(file: "main/gone.yaml", line: 1, column: 1)),
    Example(
      code: "file-unreadable", severity: .error, situation: "a pack file linked from outside",
      input: .folder(
        text: ["outside.yaml": "constants:\n  limit: 1\n"],
        links: ["main/outside.yaml": "../outside.yaml"]),
      at: .init(file: "main/outside.yaml", line: 1, column: 1)),
    Example(
      code: "no-rules", severity: .error, situation: "a pack whose rules file is gone",
      input: .pack(["base/rules.yaml": nil]),
      at: .init(file: "demo/pack.yaml", line: 1, column: 1),
      also: ["never-derived"]),
  ]

  @Test("a mistake is reported with its code and severity at the marked place", arguments: examples)
  func mistakeIsReportedAtTheMarkedPlace(example: Example) throws {
    let (diagnostics, expected) = try example.run()
    let reported = diagnostics.filter { $0.code.rawValue == example.code }
    #expect(!expected.isEmpty, "the example marks no place")
    #expect(
      reported.map(\.location).sorted() == expected.sorted(),
      "\(diagnostics.map { "\($0.location): \($0.severity): [\($0.code)] \($0.message)" })")
    for diagnostic in reported {
      #expect(diagnostic.severity == example.severity)
      #expect(!diagnostic.message.isEmpty)
    }
    let unexpected = diagnostics.filter {
      $0.code.rawValue != example.code && !example.also.contains($0.code.rawValue)
    }
    #expect(
      unexpected.isEmpty, "\(unexpected.map { "\($0.location): [\($0.code)] \($0.message)" })")
  }

  @Test("the demo pack itself compiles without any diagnostic")
  func demoPackIsClean() throws {
    _ = try DemoPack.program.get()
  }

  /// Codes that the formulation check and the pack tester report: their tests are in
  /// FormulationCheckTests and PackTests.
  static let exercisedElsewhere: Set<DiagnosticCode> = [
    .formulationCaseMismatch, .duplicateFormulation, .duplicateValue, .invalidTestCase,
    .unknownRule,
    // A request of `ipt serve` that runs out of time: AdvisorServerTests/TimeLimitTests.
    .timedOut,
    // A run `ipt serve --audit` cannot record: AdvisorServerTests/AuditRecordingTests.
    .auditUnwritable,
    // The deep lint's codes: PackTests/LogicLintTests plants two of each in one pack.
    .unreachableRule, .redundantRule, .contradictoryRules, .unreachableValue, .unsuggestedValue,
    .unusedFinding, .unusedDerived, .unusedConstant, .becauseUnread,
  ]

  @Test("every code that the load and check stages and the workspace can emit has an example")
  func everyReachableCodeHasAnExample() throws {
    let covered = Set(Self.examples.map(\.code))
    let expected = Set(
      DiagnosticCode.allCases.filter { !Self.exercisedElsewhere.contains($0) }.map(\.rawValue))
    #expect(expected.subtracting(covered).sorted() == [])
    #expect(covered.subtracting(expected).sorted() == [])
  }
}
