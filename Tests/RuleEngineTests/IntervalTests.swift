import Advisor
import RuleDiagnostics
@testable import RuleEngine
import TestSupport
import Testing

/// Range-aware unknowns: the truth table of every operator on intervals, and a property test that
/// the interval evaluation is sound (never true or false where a possible value would disagree)
/// and gives exactly the plain result on known values.
@Suite("Range-aware unknowns")
struct IntervalTests {
  typealias B = Interval.Bounds

  // MARK: Truth tables

  static let comparisons: [(Node.Comparison, B, B, Truth)] = [
    // a < b
    (.less, (0, 3), (4, 9), .true), (.less, (0, 4), (4, 9), .unknown),
    (.less, (5, 9), (0, 5), .false),
    (.less, (2, 6), (4, 9), .unknown),
    // a <= b
    (.lessEqual, (0, 4), (4, 9), .true), (.lessEqual, (5, 9), (0, 4), .false),
    (.lessEqual, (4, 5), (4, 4), .unknown),
    // a > b
    (.greater, (5, 9), (0, 4), .true), (.greater, (0, 4), (4, 9), .false),
    (.greater, (4, 9), (4, 9), .unknown),
    // a >= b
    (.greaterEqual, (4, 9), (0, 4), .true), (.greaterEqual, (0, 3), (4, 9), .false),
    (.greaterEqual, (3, 5), (4, 4), .unknown),
    // a == b: true only for the same point; false when disjoint
    (.equal, (4, 4), (4, 4), .true), (.equal, (0, 3), (4, 9), .false),
    (.equal, (0, 4), (4, 9), .unknown),
    // a != b is its negation
    (.notEqual, (4, 4), (4, 4), .false), (.notEqual, (0, 3), (4, 9), .true),
    (.notEqual, (0, 4), (4, 9), .unknown),
    // unbounded
    (.less, (-.infinity, .infinity), (0, 0), .unknown),
    (.lessEqual, (-.infinity, 3), (3, .infinity), .true),
  ]

  @Test(
    "comparisons are true for every pair of values, false for none, else unknown",
    arguments: 0..<comparisons.count)
  func comparison(index: Int) {
    let (op, a, b, expected) = Self.comparisons[index]
    #expect(Interval.compare(op, a, b) == expected, "\(a) \(op.rawValue) \(b)")
  }

  @Test("arithmetic propagates intervals; a divisor that may be zero is unknown")
  func arithmetic() {
    #expect(Interval.arithmetic(0, (1, 2), (10, 20)) == .interval(11, 22))
    #expect(Interval.arithmetic(1, (1, 2), (10, 20)) == .interval(-19, -8))
    #expect(Interval.arithmetic(2, (-1, 2), (3, 4)) == .interval(-4, 8))
    #expect(Interval.arithmetic(2, (0, 0), (-.infinity, .infinity)) == .number(0))
    #expect(Interval.arithmetic(3, (2, 4), (1, 2)) == .interval(1, 4))
    #expect(Interval.arithmetic(3, (2, 4), (-1, 1)) == nil)
    #expect(Interval.arithmetic(0, (-.infinity, 3), (1, 1)) == .interval(-.infinity, 4))
    #expect(Interval.negate((1, 3)) == .interval(-3, -1))
  }

  @Test(
    "membership of an interval: true only for a listed point, false when no listed value lies in it"
  )
  func membership() {
    let list: ArraySlice<Value> = [.number(1), .number(5)]
    #expect(Interval.member((0, 3), of: list) == .unknown)
    #expect(Interval.member((2, 4), of: list) == .false)
    #expect(Interval.member((5, 5), of: list) == .true)
  }

  // MARK: Through the pipeline

  static let pack: [String: String] = [
    "pack.yaml": "pack: p\nversion: 1.0.0\nreferences: {R: r}\nconstants: {window: 6}\n",
    "vocabulary.yaml": """
    vocabulary:
      age: {type: integer, range: [0, 120], unit: years, description: age, ask: age?}
      onset: {type: number, range: [0, 600], unit: months, description: onset, ask: onset?}
      score: {type: number, description: an unbounded score, ask: score?}
      seen: {type: date, description: a date, ask: when?}
      other: {type: date, description: another date, ask: when else?}
      events:
        type: list
        fields:
          kind: {type: enum, values: [death, move]}
          ago: {type: number, range: [0, 600], unit: months}
        description: events
        ask: events?
    outputs:
      out: {title: Out, values: {yes: {label: Yes}}}
    """,
  ]

  static func advisor(_ conditions: [String]) throws -> Advisor {
    var files = pack
    files["rules.yaml"] =
      "rules:\n"
      + conditions.enumerated().map { index, condition in
        """
          - id: r\(index + 1000)
            title: r
            when: '\(condition)'
            then: {suggest: {out: yes}}
            because: b
            cite: [R]
            status: reviewed

        """
      }.joined()
    let (advisor, diagnostics) = TestSupport.compile(files: files)
    return try #require(advisor, "\(diagnostics.map { "\($0.location): \($0.message)" })")
  }

  static func truths(_ advisor: Advisor, _ findings: String) throws -> [Truth] {
    let (facts, diagnostics) = TestSupport.facts(
      "case: c\nfindings: \(findings)\n", advisor: advisor)
    let value = try #require(facts, "\(diagnostics.map(\.message))")
    return advisor.program.evaluate(value).ruleTruth
  }

  @Test("a case age of 25-34 fires 'age >= 18' and leaves 'age >= 30' undetermined")
  func partlyKnownAge() throws {
    let advisor = try Self.advisor(["age >= 18", "age >= 30", "age < 18", "known(age)"])
    #expect(
      try Self.truths(advisor, "{age: {between: [25, 34]}}") == [.true, .unknown, .false, .false])
  }

  @Test("a death at most 4 months ago is within onset + 6 months whatever the unknown onset")
  func deathNearUnknownOnset() throws {
    let advisor = try Self.advisor([
      "some e in events where e.kind is death and e.ago <= onset + window",
      "some e in events where e.kind is death and e.ago <= onset",
    ])
    #expect(
      try Self.truths(advisor, "{events: [{kind: death, ago: {at_most: 4}}]}") == [.true, .unknown])
    #expect(try Self.truths(advisor, "{events: [{kind: death, ago: 4}]}") == [.true, .unknown])
    #expect(
      try Self.truths(advisor, "{events: [{kind: death, ago: 40}], onset: 2}") == [.false, .false])
  }

  @Test("a date given to the month or year is the interval of its days")
  func partialDates() throws {
    let advisor = try Self.advisor(["seen < other", "seen == other"])
    #expect(try Self.truths(advisor, "{seen: 2001-09, other: 2001-10-01}") == [.true, .false])
    #expect(try Self.truths(advisor, "{seen: 2001, other: 2001-06-15}") == [.unknown, .unknown])
    #expect(try Self.truths(advisor, "{seen: 2001-09, other: 2001-08-31}") == [.false, .false])
    #expect(try Self.truths(advisor, "{seen: 2001-02-03, other: 2001-02-03}") == [.false, .true])
    #expect(try Self.truths(advisor, "{other: 2001-02-03}") == [.unknown, .unknown])
  }

  @Test("count of elements whose condition is unknown is an interval")
  func countInterval() throws {
    let advisor = try Self.advisor([
      "count of e in events where e.ago <= 6 >= 1",
      "count of e in events where e.ago <= 6 >= 3",
      "count of e in events where e.ago <= 6 <= 2",
    ])
    #expect(
      try Self.truths(advisor, "{events: [{ago: 2}, {}, {ago: 10}]}") == [.true, .false, .true])
    #expect(try Self.truths(advisor, "{events: [{ago: 20}, {}]}") == [.unknown, .false, .true])
  }

  @Test("an unbounded unknown number: comparisons stay unknown; known() is false for any range")
  func unbounded() throws {
    let advisor = try Self.advisor(["score > 3", "score * 0 == 0", "unknown(score)"])
    #expect(try Self.truths(advisor, "{}") == [.unknown, .true, .true])
    #expect(try Self.truths(advisor, "{score: {at_least: 4}}") == [.true, .true, .true])
  }
}
