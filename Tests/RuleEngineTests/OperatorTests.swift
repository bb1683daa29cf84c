import Advisor
import RuleDiagnostics
import RuleEngine
import TestSupport
import Testing

/// Every operator of the condition language, with known and unknown operands.
@Suite("Operators with unknown operands")
struct OperatorTests {
  static let pack: [String: String] = [
    "pack.yaml": """
    pack: ops
    version: 1.0.0
    references: {R: "A reference"}
    constants: {limit: 10, flag: true}
    """,
    "vocabulary.yaml": """
    vocabulary:
      a: {type: boolean, description: a, ask: a?}
      b: {type: boolean, description: b, ask: b?}
      n: {type: integer, range: [0, 100], description: n, ask: n?}
      m: {type: number, description: m, ask: m?}
      e: {type: enum, values: [low, mid, high], description: e, ask: e?}
      s: {type: set, values: [x, y, z], description: s, ask: s?}
      t: {type: string, description: t, ask: t?}
      d: {type: date, description: d, ask: d?}
      d2: {type: date, description: d2, ask: d2?}
      l:
        type: list
        description: l
        ask: l?
        fields:
          k: {type: enum, values: [p, q]}
          v: {type: number}
    outputs:
      out: {title: Out, values: {yes: {label: Yes}}}
    """,
  ]

  /// (condition, case findings as YAML flow mapping, expected truth)
  static let table: [(String, String, Truth)] = [
    ("a and b", "{a: true, b: true}", .true),
    ("a and b", "{a: true}", .unknown),
    ("a and b", "{a: false}", .false),
    ("a or b", "{a: true}", .true),
    ("a or b", "{a: false}", .unknown),
    ("a or b", "{a: false, b: false}", .false),
    ("not a", "{}", .unknown),
    ("not a", "{a: false}", .true),
    ("n >= 10", "{n: 10}", .true),
    ("n >= 10", "{}", .unknown),
    ("n > limit", "{n: 11}", .true),
    ("n < 5", "{n: 5}", .false),
    ("n <= 5", "{n: 5}", .true),
    ("n == 5", "{n: 5}", .true),
    ("n != 5", "{n: 5}", .false),
    ("n != 5", "{}", .unknown),
    ("m == 2.5", "{m: 2.5}", .true),
    ("n + m > 10", "{n: 5, m: 6}", .true),
    ("n + m > 10", "{n: 5}", .unknown),
    ("n * 2 == 10", "{n: 5}", .true),
    ("n / m > 1", "{n: 5, m: 0}", .unknown),
    ("n - m < 0", "{n: 1, m: 2}", .true),
    ("-n < 0", "{n: 1}", .true),
    ("n between 3 and 7", "{n: 7}", .true),
    ("n between 3 and 7", "{n: 8}", .false),
    ("n between 3 and 7", "{}", .unknown),
    ("n not between 3 and 7", "{n: 8}", .true),
    ("e is high", "{e: high}", .true),
    ("e is high", "{}", .unknown),
    ("e is not high", "{e: low}", .true),
    ("e >= mid", "{e: high}", .true),
    ("e >= mid", "{e: low}", .false),
    ("e in [low, mid]", "{e: mid}", .true),
    ("e in [low, mid]", "{}", .unknown),
    ("e not in [low, mid]", "{e: high}", .true),
    ("s has x", "{s: [x, z]}", .true),
    ("s has y", "{s: [x, z]}", .false),
    ("s has y", "{}", .unknown),
    ("s has any [y, z]", "{s: [z]}", .true),
    ("s has all [x, z]", "{s: [z]}", .false),
    ("s has all [x, z]", "{s: [x, y, z]}", .true),
    (#"t == "hello""#, "{t: hello}", .true),
    (#"t in ["a", "b"]"#, "{t: c}", .false),
    ("d < d2", "{d: 2026-01-01, d2: 2026-02-01}", .true),
    ("d < d2", "{d: 2026-01-01}", .unknown),
    ("known(n)", "{}", .false),
    ("known(n)", "{n: 1}", .true),
    ("unknown(n)", "{}", .true),
    ("a is true", "{a: true}", .true),
    ("a == flag", "{a: false}", .false),
    ("some i in l where i.k is p", "{l: [{k: q}, {k: p}]}", .true),
    ("some i in l where i.k is p", "{l: [{k: q}, {}]}", .unknown),
    ("some i in l where i.k is p", "{l: [{k: q}]}", .false),
    ("some i in l where i.k is p", "{l: []}", .false),
    ("some i in l where i.k is p", "{}", .unknown),
    ("no i in l where i.k is p", "{l: [{k: q}]}", .true),
    ("no i in l where i.k is p", "{l: [{k: p}]}", .false),
    ("no i in l where i.k is p", "{l: [{}]}", .unknown),
    ("every i in l where i.v > 1", "{l: [{v: 2}, {v: 3}]}", .true),
    ("every i in l where i.v > 1", "{l: [{v: 2}, {v: 0}]}", .false),
    ("every i in l where i.v > 1", "{l: [{v: 2}, {}]}", .unknown),
    ("every i in l where i.v > 1", "{l: []}", .true),
    ("count of i in l where i.k is p >= 2", "{l: [{k: p}, {k: p}, {k: q}]}", .true),
    ("count of i in l where i.k is p >= 2", "{l: [{k: p}, {}]}", .unknown),
    ("count of i in l >= 1", "{l: [{k: q}]}", .true),
    ("(a or b) and n > 1", "{b: true, n: 2}", .true),
    ("a or b and n > 1", "{a: true}", .true),
  ]

  static func truth(of condition: String, findings: String) throws -> Truth {
    var files = pack
    let quoted = condition.contains("\"") ? "'\(condition)'" : "\"\(condition)\""
    files["rules.yaml"] = """
      rules:
        - id: r
          title: r
          when: \(quoted)
          then: {suggest: {out: yes}}
          because: b
          cite: [R]
          status: reviewed
      """
    let (advisor, diagnostics) = TestSupport.compile(files: files)
    let compiled = try #require(advisor, "\(diagnostics.map { "\($0.location): \($0.message)" })")
    let (facts, caseDiagnostics) = TestSupport.facts(
      "case: c\nfindings: \(findings)\n", advisor: compiled)
    let checked = try #require(facts, "\(caseDiagnostics.map(\.message))")
    return compiled.program.evaluate(checked).ruleTruth[0]
  }

  @Test("operator truth table", arguments: table)
  func operatorTruth(condition: String, findings: String, expected: Truth) throws {
    #expect(
      try Self.truth(of: condition, findings: findings) == expected, "\(condition) with \(findings)"
    )
  }
}
