import Advisor
import RuleDiagnostics
import RuleEngine
import TestSupport
import Testing

/// A property test of the aggregates (`min`, `max`, `sum`, `average`, `first`, `last` and
/// `count`) over lists whose items, values and filters may be unknown or partly known. Whenever
/// the engine says a condition is true or false, every concrete completion of the case (each
/// unknown filter true or false, each value anywhere in its interval) must give that answer, and
/// an aggregate of an empty selection (undefined, except a sum or a count) must not decide it.
@Suite("Aggregates: soundness")
struct AggregatePropertyTests {
  /// One item of the list: its value (known, an interval, or absent) and its filter.
  struct Item {
    var value: (low: Double, high: Double)?
    var flag: Bool?

    var yaml: String {
      var parts: [String] = []
      if let value {
        parts.append(
          value.low == value.high
            ? "x: \(NumberText.format(value.low))"
            : "x: {between: [\(NumberText.format(value.low)), \(NumberText.format(value.high))]}")
      }
      if let flag { parts.append("f: \(flag)") }
      return "{" + parts.joined(separator: ", ") + "}"
    }
  }

  static let range: ClosedRange<Double> = 0...20
  static let aggregates = ["min", "max", "sum", "average", "first", "last", "count"]

  struct Condition {
    var aggregate: String
    var filtered: Bool
    var op: String
    var constant: Double

    var text: String {
      let filter = filtered ? " where s.f" : ""
      let lhs =
        aggregate == "count"
        ? "(count of s in items\(filter))" : "\(aggregate)(s.x for s in items\(filter))"
      return "\(lhs) \(op) \(NumberText.format(constant))"
    }
  }

  /// The reference: the aggregate of concrete values, nil when undefined (an empty selection).
  static func aggregate(_ name: String, _ values: [Double]) -> Double? {
    switch name {
    case "sum": return values.reduce(0, +)
    case "count": return Double(values.count)
    default:
      guard let first = values.first, let last = values.last else { return nil }
      switch name {
      case "min": return values.min()
      case "max": return values.max()
      case "average": return values.reduce(0, +) / Double(values.count)
      case "first": return first
      default: return last
      }
    }
  }

  static func holds(_ op: String, _ a: Double, _ b: Double) -> Bool {
    switch op {
    case "<": a < b
    case "<=": a <= b
    case ">": a > b
    case ">=": a >= b
    case "==": a == b
    default: a != b
    }
  }

  @Test("aggregate evaluation agrees with every concrete completion", arguments: 0..<6)
  func soundness(batch: Int) throws {
    var random = SplitMix(state: UInt64(9090 + batch))
    let conditions = (0..<50).map { _ in
      Condition(
        aggregate: Self.aggregates[Int.random(in: 0..<7, using: &random)],
        filtered: Bool.random(using: &random),
        op: ["<", "<=", ">", ">=", "==", "!="][Int.random(in: 0..<6, using: &random)],
        constant: Double(Int.random(in: 0...20, using: &random)))
    }
    let files: [String: String] = [
      "pack.yaml": "pack: p\nversion: 1.0.0\nreferences: {R: r}\n",
      "vocabulary.yaml": """
      vocabulary:
        items:
          type: list
          fields:
            x: {type: number, range: [0, 20]}
            f: {type: boolean}
          description: items
          ask: items?
      outputs:
        out: {title: Out, values: {yes: {label: Yes}}}
      """,
      "rules.yaml": "rules:\n"
        + conditions.enumerated().map { index, condition in
          "  - {id: r\(index + 1000), title: r, when: '\(condition.text)', then: {suggest: {out: yes}}, because: b, cite: [R], status: reviewed}\n"
        }.joined(),
    ]
    let (compiled, diagnostics) = TestSupport.compile(files: files)
    let advisor = try #require(
      compiled,
      "\(diagnostics.filter { $0.severity == .error }.map { "\($0.location): \($0.message)" }.prefix(3))"
    )
    var decided = 0
    for _ in 0..<40 {
      let absent = Int.random(in: 0..<6, using: &random) == 0
      let items: [Item] = (0..<Int.random(in: 0...3, using: &random)).map { _ in
        var value: (Double, Double)?
        switch Int.random(in: 0..<3, using: &random) {
        case 0:
          let x = Double(Int.random(in: 0...20, using: &random))
          value = (x, x)
        case 1:
          let a = Double(Int.random(in: 0...20, using: &random))
          let b = Double(Int.random(in: 0...20, using: &random))
          value = (min(a, b), max(a, b))
        default: value = nil
        }
        let flag: Bool? =
          Int.random(in: 0..<3, using: &random) == 0 ? nil : Bool.random(using: &random)
        return Item(value: value, flag: flag)
      }
      let yaml =
        absent ? "{}" : "{items: [" + items.map(\.yaml).joined(separator: ", ") + "]}"
      let (facts, factDiagnostics) = TestSupport.facts(
        "case: c\nfindings: \(yaml)\n", advisor: advisor)
      let caseFacts = try #require(facts, "\(factDiagnostics.map(\.message))")
      let evaluation = advisor.program.evaluate(caseFacts)
      for (index, condition) in conditions.enumerated() {
        guard let rule = advisor.program.rule(id: "r\(index + 1000)") else { continue }
        let truth = evaluation.ruleTruth[rule]
        guard truth != .unknown else { continue }
        decided += 1
        // Concrete completions: lists of up to 3 items when the list is absent; else each
        // unknown filter both ways and each value at its ends and inside.
        let worlds: [[(Double, Bool)]] =
          absent ? Self.someLists(&random) : Self.completions(items, &random)
        for world in worlds {
          let selected = world.filter { !condition.filtered || $0.1 }.map(\.0)
          let value = Self.aggregate(condition.aggregate, selected)
          let expected = value.map { Self.holds(condition.op, $0, condition.constant) }
          #expect(
            expected.map { Truth($0) } == truth,
            "\(condition.text) with \(yaml): engine \(truth), world \(world) gives \(expected.map(String.init(describing:)) ?? "undefined")"
          )
        }
      }
    }
    #expect(decided > 100, "too few decided conditions to test anything")
  }

  static func completions(_ items: [Item], _ random: inout SplitMix) -> [[(Double, Bool)]] {
    var worlds: [[(Double, Bool)]] = [[]]
    for item in items {
      let (low, high) = item.value ?? (range.lowerBound, range.upperBound)
      var values = [low, high]
      if high > low { values.append(Double.random(in: low...high, using: &random)) }
      let flags = item.flag.map { [$0] } ?? [true, false]
      worlds = worlds.flatMap { world in
        values.flatMap { v in flags.map { f in world + [(v, f)] } }
      }
    }
    return worlds
  }

  static func someLists(_ random: inout SplitMix) -> [[(Double, Bool)]] {
    [[]]
      + (0..<6).map { _ in
        (0..<Int.random(in: 1...3, using: &random)).map { _ in
          (Double(Int.random(in: 0...20, using: &random)), Bool.random(using: &random))
        }
      }
  }
}
