import Advisor
import RuleDiagnostics
import RuleEngine
import TestSupport
import Testing

/// A property test of range-aware unknowns. Random conditions over three numeric findings (with
/// declared ranges, one an integer) are compiled into one pack; random cases give each finding a
/// value, a partly known interval, or nothing. Whenever the engine says a condition is true or
/// false, every concrete case inside the intervals must give the same answer (soundness), checked
/// with a small reference evaluator written here; and a case with every value known must give
/// exactly the reference evaluator's answer.
@Suite("Range-aware unknowns: soundness")
struct IntervalPropertyTests {
  /// A numeric expression or a condition, generated at random.
  indirect enum Expr {
    case finding(Int)
    case constant(Double)
    case add(Expr, Expr), subtract(Expr, Expr), multiply(Expr, Expr), divide(Expr, Expr)
    case negate(Expr)
    case compare(String, Expr, Expr)
    case between(Expr, Double, Double)
    case member(Expr, [Double])
    case and(Expr, Expr), or(Expr, Expr), not(Expr)

    var text: String {
      switch self {
      case .finding(let i): IntervalPropertyTests.names[i]
      case .constant(let c): c < 0 ? "(\(NumberText.format(c)))" : NumberText.format(c)
      case .add(let a, let b): "(\(a.text) + \(b.text))"
      case .subtract(let a, let b): "(\(a.text) - \(b.text))"
      case .multiply(let a, let b): "(\(a.text) * \(b.text))"
      case .divide(let a, let b): "(\(a.text) / \(b.text))"
      case .negate(let a): "(-\(a.text))"
      case .compare(let op, let a, let b): "\(a.text) \(op) \(b.text)"
      case .between(let a, let low, let high):
        "\(a.text) between \(NumberText.format(low)) and \(NumberText.format(high))"
      case .member(let a, let list):
        "\(a.text) in [\(list.map { NumberText.format($0) }.joined(separator: ", "))]"
      case .and(let a, let b): "(\(a.text) and \(b.text))"
      case .or(let a, let b): "(\(a.text) or \(b.text))"
      case .not(let a): "not (\(a.text))"
      }
    }
  }

  static let names = ["a", "b", "n"]
  static let ranges: [ClosedRange<Double>] = [0...20, -5...5, 0...10]

  /// The reference: the value of a numeric expression for concrete values (nil: undefined).
  static func value(_ e: Expr, _ x: [Double]) -> Double? {
    switch e {
    case .finding(let i): return x[i]
    case .constant(let c): return c
    case .add(let a, let b): return value(a, x).flatMap { p in value(b, x).map { p + $0 } }
    case .subtract(let a, let b): return value(a, x).flatMap { p in value(b, x).map { p - $0 } }
    case .multiply(let a, let b): return value(a, x).flatMap { p in value(b, x).map { p * $0 } }
    case .divide(let a, let b):
      guard let p = value(a, x), let q = value(b, x), q != 0 else { return nil }
      return p / q
    case .negate(let a): return value(a, x).map { -$0 }
    default: return nil
    }
  }

  /// The reference: the truth of a condition for concrete values (Kleene, undefined is unknown).
  static func truth(_ e: Expr, _ x: [Double]) -> Truth {
    switch e {
    case .compare(let op, let a, let b):
      guard let p = value(a, x), let q = value(b, x) else { return .unknown }
      switch op {
      case "<": return Truth(p < q)
      case "<=": return Truth(p <= q)
      case ">": return Truth(p > q)
      case ">=": return Truth(p >= q)
      case "==": return Truth(p == q)
      default: return Truth(p != q)
      }
    case .between(let a, let low, let high):
      guard let p = value(a, x) else { return .unknown }
      return Truth(p >= low && p <= high)
    case .member(let a, let list):
      guard let p = value(a, x) else { return .unknown }
      return Truth(list.contains(p))
    case .and(let a, let b): return truth(a, x) && truth(b, x)
    case .or(let a, let b): return truth(a, x) || truth(b, x)
    case .not(let a): return !truth(a, x)
    default: return .unknown
    }
  }

  static func small(_ random: inout SplitMix) -> Double {
    Double(Int.random(in: -6...12, using: &random))
  }

  static func numeric(_ depth: Int, _ random: inout SplitMix) -> Expr {
    if depth == 0 || Int.random(in: 0..<3, using: &random) == 0 {
      return Int.random(in: 0..<3, using: &random) == 0
        ? .constant(small(&random)) : .finding(Int.random(in: 0..<3, using: &random))
    }
    let a = numeric(depth - 1, &random)
    let b = numeric(depth - 1, &random)
    switch Int.random(in: 0..<5, using: &random) {
    case 0: return .add(a, b)
    case 1: return .subtract(a, b)
    case 2: return .multiply(a, b)
    case 3:
      if case .constant(0) = b { return .divide(a, .constant(3)) }  // a literal zero is an error
      return .divide(a, b)
    default:
      if case .constant(let c) = a { return .constant(-c) }  // the parser folds '-3' into a number
      return .negate(a)
    }
  }

  /// A number the compiler accepts beside a bare finding: inside its declared range.
  static func clamp(_ c: Double, to subject: Expr) -> Double {
    guard case .finding(let i) = subject else { return c }
    return min(max(c, ranges[i].lowerBound), ranges[i].upperBound)
  }

  static func condition(_ depth: Int, _ random: inout SplitMix) -> Expr {
    switch Int.random(in: 0..<(depth > 0 ? 7 : 4), using: &random) {
    case 0, 1:
      let op = ["<", "<=", ">", ">=", "==", "!="][Int.random(in: 0..<6, using: &random)]
      var lhs = numeric(2, &random)
      var rhs = numeric(2, &random)
      if case .constant(let c) = rhs { rhs = .constant(clamp(c, to: lhs)) }
      if case .constant(let c) = lhs { lhs = .constant(clamp(c, to: rhs)) }
      return .compare(op, lhs, rhs)
    case 2:
      let subject = numeric(2, &random)
      let low = clamp(small(&random), to: subject)
      return .between(
        subject, low, clamp(low + Double(Int.random(in: 0...8, using: &random)), to: subject))
    case 3:
      let subject = numeric(1, &random)
      return .member(subject, (0..<3).map { _ in clamp(small(&random), to: subject) })
    case 4: return .and(condition(depth - 1, &random), condition(depth - 1, &random))
    case 5: return .or(condition(depth - 1, &random), condition(depth - 1, &random))
    default: return .not(condition(depth - 1, &random))
    }
  }

  /// One finding of a random case: known, partly known, or not given.
  enum Given {
    case known(Double)
    case interval(Double, Double)
    case absent

    var yaml: String? {
      switch self {
      case .known(let x): NumberText.format(x)
      case .interval(let low, let high):
        "{between: [\(NumberText.format(low)), \(NumberText.format(high))]}"
      case .absent: nil
      }
    }

    /// Concrete values to try: the ends, and points inside.
    func samples(range: ClosedRange<Double>, integer: Bool, _ random: inout SplitMix) -> [Double] {
      let (low, high): (Double, Double)
      switch self {
      case .known(let x): return [x]
      case .interval(let l, let h): (low, high) = (l, h)
      case .absent: (low, high) = (range.lowerBound, range.upperBound)
      }
      var out = [low, high]
      for _ in 0..<4 {
        let x = Double.random(in: low...high, using: &random)
        out.append(integer ? x.rounded(.down) : (x * 4).rounded() / 4)
      }
      return out.map { min(max($0, low), high) }
    }
  }

  static func given(_ index: Int, _ random: inout SplitMix) -> Given {
    let range = ranges[index]
    let integer = index == 2
    func point() -> Double {
      let x = Double.random(in: range, using: &random)
      return integer ? x.rounded(.down) : (x * 2).rounded() / 2
    }
    switch Int.random(in: 0..<3, using: &random) {
    case 0: return .known(point())
    case 1:
      let a = point()
      let b = point()
      return a == b ? .known(a) : .interval(min(a, b), max(a, b))
    default: return .absent
    }
  }

  @Test("interval evaluation agrees with every concrete value it covers", arguments: 0..<8)
  func soundness(batch: Int) throws {
    var random = SplitMix(state: UInt64(4242 + batch))
    let conditions = (0..<60).map { _ in Self.condition(2, &random) }
    var files: [String: String] = [
      "pack.yaml": "pack: p\nversion: 1.0.0\nreferences: {R: r}\n",
      "vocabulary.yaml": """
      vocabulary:
        a: {type: number, range: [0, 20], description: a, ask: a?}
        b: {type: number, range: [-5, 5], description: b, ask: b?}
        n: {type: integer, range: [0, 10], description: n, ask: n?}
      outputs:
        out: {title: Out, values: {yes: {label: Yes}}}
      """,
    ]
    files["rules.yaml"] =
      "rules:\n"
      + conditions.enumerated().map { index, condition in
        "  - {id: r\(index + 1000), title: r, when: '\(condition.text)', then: {suggest: {out: yes}}, because: b, cite: [R], status: reviewed}\n"
      }.joined()
    let (compiled, diagnostics) = TestSupport.compile(files: files)
    let advisor = try #require(
      compiled,
      "\(diagnostics.filter { $0.severity == .error }.map { "\($0.location): \($0.message)" }.prefix(3))"
    )
    var decided = 0
    for _ in 0..<40 {
      let given = (0..<3).map { Self.given($0, &random) }
      let yaml = zip(Self.names, given).compactMap { name, g in g.yaml.map { "\(name): \($0)" } }
        .joined(separator: ", ")
      let facts = try #require(
        TestSupport.facts("case: c\nfindings: {\(yaml)}\n", advisor: advisor).0)
      let truths = advisor.program.evaluate(facts).ruleTruth
      let samples = (0..<3).map {
        given[$0].samples(range: Self.ranges[$0], integer: $0 == 2, &random)
      }
      let allKnown = given.allSatisfy { if case .known = $0 { return true } else { return false } }
      for (index, condition) in conditions.enumerated() {
        let truth = truths[index]
        if allKnown {
          let expected = Self.truth(condition, samples.map { $0[0] })
          #expect(truth == expected, "known values: \(condition.text) with {\(yaml)}")
          continue
        }
        guard truth != .unknown else { continue }
        decided += 1
        for x in samples[0] {
          for y in samples[1] {
            for z in samples[2] {
              let concrete = Self.truth(condition, [x, y, z])
              #expect(
                concrete == truth,
                "\(condition.text) is \(truth) for {\(yaml)} but \(concrete) at a=\(x), b=\(y), n=\(z)"
              )
            }
          }
        }
      }
    }
    #expect(decided > 50, "too few conditions were decided on ranges to test anything")
  }
}

/// A small deterministic random generator (SplitMix64), so a failure can be replayed.
struct SplitMix: RandomNumberGenerator {
  var state: UInt64

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
