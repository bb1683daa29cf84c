/// Range-aware unknowns: arithmetic and comparison on closed intervals. A known number is the
/// point interval `[x, x]`. A comparison is true when it holds for every pair of values in the
/// intervals, false when it holds for none, and unknown otherwise, so the result is never true or
/// false where some possible value would disagree (docs/rule-language.md, "Unknown values").
enum Interval {
  typealias Bounds = (low: Double, high: Double)

  /// The truth of `a op b` for every value of `a` and of `b` in their intervals.
  static func compare(_ op: Node.Comparison, _ a: Bounds, _ b: Bounds) -> Truth {
    switch op {
    case .less: return a.high < b.low ? .true : (a.low >= b.high ? .false : .unknown)
    case .lessEqual: return a.high <= b.low ? .true : (a.low > b.high ? .false : .unknown)
    case .greater: return a.low > b.high ? .true : (a.high <= b.low ? .false : .unknown)
    case .greaterEqual: return a.low >= b.high ? .true : (a.high < b.low ? .false : .unknown)
    case .equal: return equal(a, b)
    case .notEqual: return !equal(a, b)
    }
  }

  private static func equal(_ a: Bounds, _ b: Bounds) -> Truth {
    if a.high < b.low || b.high < a.low { return .false }
    if a.low == a.high && b.low == b.high { return .true }
    return .unknown
  }

  /// Whether a value in `a` is one of `values` (numbers): true only for a point in the list,
  /// false when no listed number lies in the interval.
  static func member(_ a: Bounds, of values: ArraySlice<Value>) -> Truth {
    var possible = false
    for value in values {
      guard let b = value.bounds else { continue }
      switch equal(a, b) {
      case .true: return .true
      case .unknown: possible = true
      case .false: break
      }
    }
    return possible ? .unknown : .false
  }

  /// `a + b`, `a - b`, `a * b` or `a / b` (by the operator's index in `Code.arithmetics`); nil
  /// when the result is undefined for some possible value (a divisor that may be zero).
  static func arithmetic(_ op: UInt8, _ a: Bounds, _ b: Bounds) -> Value? {
    switch op {
    case 0: return make(a.low + b.low, a.high + b.high)
    case 1: return make(a.low - b.high, a.high - b.low)
    case 2: return multiply(a, b)
    default:
      if b.low <= 0 && b.high >= 0 { return nil }
      return multiply(a, (1 / b.high, 1 / b.low))
    }
  }

  /// `-a`.
  static func negate(_ a: Bounds) -> Value { make(-a.high, -a.low) }

  private static func multiply(_ a: Bounds, _ b: Bounds) -> Value {
    // 0 * infinity is 0 here: every value of an unbounded interval is finite.
    func times(_ x: Double, _ y: Double) -> Double { x == 0 || y == 0 ? 0 : x * y }
    let products = [
      times(a.low, b.low), times(a.low, b.high), times(a.high, b.low), times(a.high, b.high),
    ]
    return make(products.min() ?? -.infinity, products.max() ?? .infinity)
  }

  private static func make(_ low: Double, _ high: Double) -> Value {
    guard !low.isNaN, !high.isNaN else { return .interval(-.infinity, .infinity) }
    return .between(low, high)
  }
}
