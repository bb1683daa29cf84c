import Advisor
import RuleDiagnostics
import RuleEngine
import TestSupport
import Testing

/// A case file is checked against the pack's vocabulary: names, derived findings, types, enum
/// values, ranges, record fields and dates, each reported where it is written.
@Suite("Case checks")
struct CaseCheckTests {
  struct Mistake: Sendable, CustomTestStringConvertible {
    var marked: String
    var code: String
    var message: String
    var hint: String?
    var testDescription: String { "\(code): \(message)" }
  }

  static let mistakes: [Mistake] = [
    Mistake(
      marked: "case: c\nfindings:\n  age: 30\n  1️⃣phq_9: 12\n", code: "unknown-finding",
      message: "unknown finding 'phq_9'", hint: "did you mean 'phq9'?"),
    Mistake(
      marked: "case: c\nfindings:\n  1️⃣livingalone: true\n", code: "unknown-finding",
      message: "unknown finding 'livingalone'", hint: "did you mean 'living_alone'?"),
    Mistake(
      marked: "case: c\nfindings:\n  1️⃣complicated_grief: true\n", code: "derived-in-case",
      message: "'complicated_grief' is a derived finding: rules conclude it, a case cannot give it",
      hint: "remove it from the case and record the findings it is derived from"),
    Mistake(
      marked: "case: c\nfindings:\n  age: 1️⃣thirty\n", code: "type-mismatch",
      message: "'age' must be a whole number, found 'thirty'"),
    Mistake(
      marked: "case: c\nfindings:\n  age: 1️⃣30.5\n", code: "type-mismatch",
      message: "'age' must be a whole number, found '30.5'"),
    Mistake(
      marked: "case: c\nfindings:\n  age: 1️⃣\"30\"\n", code: "type-mismatch",
      message: "'age' must be a whole number, found '30'"),
    Mistake(
      marked: "case: c\nfindings:\n  living_alone: 1️⃣yes\n", code: "type-mismatch",
      message: "'living_alone' must be true or false, found 'yes'"),
    Mistake(
      marked: "case: c\nfindings:\n  life_events: 1️⃣{kind: death}\n", code: "type-mismatch",
      message: "'life_events' must be a list of mappings, found a mapping"),
    Mistake(
      marked: "case: c\nfindings:\n  suicidality: 1️⃣pasive\n", code: "unknown-enum-value",
      message: "'pasive' is not a value of 'suicidality'", hint: "did you mean 'passive'?"),
    Mistake(
      marked: "case: c\nfindings:\n  diagnoses: [dysthymia, 1️⃣major_depresion]\n",
      code: "unknown-enum-value",
      message: "'major_depresion' is not a value of 'diagnoses'",
      hint: "did you mean 'major_depression'?"),
    Mistake(
      marked: "case: c\nfindings:\n  suicidality: 1️⃣unclear\n", code: "unknown-enum-value",
      message: "'unclear' is not a value of 'suicidality'", hint: "values: none, passive, plan"),
    Mistake(
      marked: "case: c\nfindings:\n  life_events:\n    - kind: 1️⃣deaht\n",
      code: "unknown-enum-value",
      message: "'deaht' is not a value of 'life_events.kind'", hint: "did you mean 'death'?"),
    Mistake(
      marked: "case: c\nfindings:\n  phq9: 1️⃣28\n", code: "value-out-of-range",
      message: "28 is outside the range of 'phq9' [0, 27]",
      hint: "check the value, or the range declared in the vocabulary"),
    Mistake(
      marked: "case: c\nfindings:\n  age: 1️⃣-1\n", code: "value-out-of-range",
      message: "-1 is outside the range of 'age' [0, 120]"),
    Mistake(
      marked: "case: c\nfindings:\n  life_events:\n    - {kind: move, months_ago: 1️⃣700}\n",
      code: "value-out-of-range",
      message: "700 is outside the range of 'life_events.months_ago' [0, 600]"),
    Mistake(
      marked: "case: c\nfindings:\n  life_events:\n    - kind: death\n      1️⃣monthsago: 3\n",
      code: "unknown-field",
      message: "'life_events' has no field 'monthsago'", hint: "did you mean 'months_ago'?"),
    Mistake(
      marked: "case: c\nfindings:\n  onset_date: 1️⃣2026-02-30\n", code: "invalid-date",
      message: "'2026-02-30' is not a date",
      hint: "write dates as YYYY-MM-DD, or YYYY-MM or YYYY when only the month or year is known"),
    Mistake(
      marked: "case: c\nfindings:\n  onset_date: 1️⃣2026-13\n", code: "invalid-date",
      message: "'2026-13' is not a date"),
    Mistake(
      marked: "case: c\nfindings:\n  age: {between: 1️⃣[40, 30]}\n", code: "invalid-interval",
      message: "the interval of 'age' is empty: 40 > 30", hint: "write the lower bound first"),
    Mistake(
      marked: "case: c\nfindings:\n  age: {1️⃣beween: [30, 40]}\n", code: "invalid-interval",
      message:
        "'age' must be a number or one of {between: [low, high]}, {at_least: n}, {at_most: n}",
      hint: "did you mean 'between'?"),
    Mistake(
      marked: "case: c\nfindings:\n  age: {between: 1️⃣[30]}\n", code: "invalid-interval",
      message: "'between' takes two numbers, as in {between: [25, 34]}"),
    Mistake(
      marked: "case: c\nfindings:\n  phq9: {at_least: 1️⃣30}\n", code: "value-out-of-range",
      message: "30 is outside the range of 'phq9' [0, 27]"),
    Mistake(
      marked: "case: c\nfindings:\n  age: {between: [1️⃣25.5, 30]}\n", code: "type-mismatch",
      message: "a bound of 'age' must be a whole number"),
    Mistake(
      marked: "case: c\nfindings:\n  onset_date: 1️⃣1/10/2026\n", code: "invalid-date",
      message: "'1/10/2026' is not a date"),
    Mistake(
      marked: "case: c\nfindings:\n  onset_date: 1️⃣2026-13-01\n", code: "invalid-date",
      message: "'2026-13-01' is not a date"),
    Mistake(
      marked: "case: c\nfindings:\n  1️⃣sessions:\n    - {number: 1}\n", code: "wrong-section",
      message: "'sessions' is written under findings:, but it belongs under the course: section",
      hint: "move it under the course: section"),
    Mistake(
      marked: "case: c\ncourse:\n  1️⃣age: 40\n", code: "wrong-section",
      message: "'age' is written under course:, but it belongs under findings:",
      hint: "move it under findings:"),
    Mistake(
      marked: "case: c\ncourse:\n  sessions:\n    - {number: 1}\n    - {number: 1️⃣1}\n",
      code: "not-increasing",
      message: "'sessions.number' must increase from one item to the next: 1 follows 1",
      hint: "check the order of the items and this value (no repeats)"),
    Mistake(
      marked: "case: c\ncourse:\n  sessions:\n    - {number: 1, phq9: 1️⃣28}\n",
      code: "value-out-of-range", message: "28 is outside the range of 'sessions.phq9' [0, 27]"),
  ]

  @Test("the core pack's sessions: a date before the previous one and a PHQ-9 of 31 are located")
  func sessionMistakes() throws {
    let advisor = try TestSupport.core()
    let marked = MarkedText(
      """
      case: c
      findings:
        age: 40
      course:
        planned_sessions: 12
        sessions:
          - {number: 1, date: 2026-03-02, phq9: 18}
          - {number: 2, date: 1️⃣2026-02-23, phq9: 2️⃣31}

      """)
    let (facts, diagnostics) = TestSupport.facts(marked.text, advisor: advisor)
    #expect(facts == nil, "a case with errors is not evaluated")
    #expect(
      diagnostics.map(\.code) == [.notIncreasing, .valueOutOfRange], "\(diagnostics.map(\.message))"
    )
    #expect(diagnostics.first?.location == marked.location("1️⃣", file: "case.yaml"))
    #expect(diagnostics.first?.message.contains("2026-02-23 follows 2026-03-02") == true)
    #expect(diagnostics.first?.notes.first?.location?.line == 7)
    #expect(diagnostics.last?.location == marked.location("2️⃣", file: "case.yaml"))
  }

  @Test(
    "a mistake in a case is one error at the value, with a hint where one is known",
    arguments: mistakes)
  func mistakeIsReportedAtTheValue(mistake: Mistake) throws {
    let program = try DemoPack.program.get()
    let marked = MarkedText(mistake.marked)
    let (facts, diagnostics) = TestSupport.facts(marked.text, advisor: program)
    #expect(facts == nil)
    #expect(diagnostics.count == 1, "\(diagnostics.map(\.message))")
    let diagnostic = try #require(diagnostics.first)
    #expect(diagnostic.code.rawValue == mistake.code)
    #expect(diagnostic.severity == .error)
    #expect(diagnostic.message == mistake.message)
    #expect(diagnostic.location == marked.location(file: "case.yaml"))
    if let hint = mistake.hint { #expect(diagnostic.hint == hint) }
  }

  @Test("every mistake of a case is reported in one run")
  func allMistakesInOneRun() throws {
    let program = try DemoPack.program.get()
    let marked = MarkedText(
      """
      case: c
      findings:
        1️⃣phq_9: 12
        2️⃣complicated_grief: true
        age: 3️⃣old
        suicidality: 4️⃣pasive
        phq9: 5️⃣99
        onset_date: 6️⃣2026-02-30
        life_events:
          - {kind: death, 7️⃣monthsago: 3}

      """)
    let (_, diagnostics) = TestSupport.facts(marked.text, advisor: program)
    #expect(
      diagnostics.map(\.code.rawValue) == [
        "unknown-finding", "derived-in-case", "type-mismatch", "unknown-enum-value",
        "value-out-of-range",
        "invalid-date", "unknown-field",
      ])
    #expect(
      diagnostics.map(\.location)
        == ["1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣", "7️⃣"].map { marked.location($0, file: "case.yaml") })
  }

  @Test("a well-formed case gives facts and no diagnostic; null and absent findings are unknown")
  func wellFormedCaseGivesFacts() throws {
    let program = try DemoPack.program.get()
    let (facts, diagnostics) = TestSupport.facts(
      """
      case: c
      findings:
        age: 30
        phq9: 27
        suicidality: passive
        diagnoses: [major_depression]
        onset_date: 2024-02-29
        partner_name: "Sam"
        living_alone: null
        life_events:
          - {kind: death, months_ago: 12.5}

      """, advisor: program)
    #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
    let values = try #require(facts).values
    let slot = { (name: String) in program.program.findings.firstIndex { $0.name == name } ?? -1 }
    #expect(values[slot("age")] == .number(30))
    #expect(values[slot("phq9")] == .number(27))
    #expect(values[slot("suicidality")] == .enumValue(1))
    #expect(values[slot("living_alone")] == .unknown)
    #expect(values[slot("complicated_grief")] == .unknown)
    #expect(values[slot("partner_name")] == .string("Sam"))
  }
}
