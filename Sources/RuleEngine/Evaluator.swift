/// Receives what evaluation reads, for explanations; the no-op tracer costs nothing.
public protocol EvaluationTracer {
  /// A finding or field was read (`node` is `.finding` or `.field`) with this value.
  mutating func read(_ node: Node, _ value: Value, element: Int?)
  /// A sub-expression that is a test produced a truth value.
  mutating func tested(_ node: Node, _ truth: Truth)
}

/// A tracer that records nothing.
public struct NoTracer: EvaluationTracer {
  public init() {}
  @inline(__always) public mutating func read(_ node: Node, _ value: Value, element: Int?) {}
  @inline(__always) public mutating func tested(_ node: Node, _ truth: Truth) {}
}

/// The mutable state of one evaluation. Local to one call: nothing shared is mutated.
struct EvaluationState {
  var facts: [Value]
  var locals: [Record?]
  var localElements: [Int]
  var picked: [[Truth]]
}

/// Evaluates compiled nodes with Kleene three-valued logic.
enum Interpreter {
  static func value<T: EvaluationTracer>(_ node: Node, _ s: inout EvaluationState, _ t: inout T) -> Value {
    switch node.kind {
    case .constant(let v):
      return v
    case .finding(let slot):
      let v = s.facts[slot]
      t.read(node, v, element: nil)
      return v
    case .field(let local, let field):
      guard let record = s.locals[local] else { return .unknown }
      let v = field < record.fields.count ? record.fields[field] : .unknown
      t.read(node, v, element: s.localElements[local])
      return v
    case .local:
      return .unknown
    case .arithmetic(let op, let a, let b):
      guard case .number(let x) = value(a, &s, &t), case .number(let y) = value(b, &s, &t) else {
        return .unknown
      }
      switch op {
      case .add: return .number(x + y)
      case .subtract: return .number(x - y)
      case .multiply: return .number(x * y)
      case .divide: return y == 0 ? .unknown : .number(x / y)
      }
    case .negate(let a):
      guard case .number(let x) = value(a, &s, &t) else { return .unknown }
      return .number(-x)
    case .quantifier(.count, let local, let list, let body):
      guard case .records(let items) = value(list, &s, &t) else { return .unknown }
      guard let body else { return .number(Double(items.count)) }
      var count = 0
      for (index, item) in items.enumerated() {
        s.locals[local] = item
        s.localElements[local] = index
        switch truth(body, &s, &t) {
        case .true: count += 1
        case .false: break
        case .unknown:
          s.locals[local] = nil
          return .unknown
        }
      }
      s.locals[local] = nil
      return .number(Double(count))
    default:
      switch truth(node, &s, &t) {
      case .true: return .boolean(true)
      case .false: return .boolean(false)
      case .unknown: return .unknown
      }
    }
  }

  static func truth<T: EvaluationTracer>(_ node: Node, _ s: inout EvaluationState, _ t: inout T) -> Truth {
    let result = computeTruth(node, &s, &t)
    t.tested(node, result)
    return result
  }

  @inline(__always)
  private static func computeTruth<T: EvaluationTracer>(
    _ node: Node, _ s: inout EvaluationState, _ t: inout T
  ) -> Truth {
    switch node.kind {
    case .constant(.boolean(let b)):
      return Truth(b)
    case .finding, .field:
      if case .boolean(let b) = value(node, &s, &t) { return Truth(b) }
      return .unknown
    case .known(let inner, let wantKnown):
      return Truth(value(inner, &s, &t).isKnown == wantKnown)
    case .not(let inner):
      return !truth(inner, &s, &t)
    case .and(let items):
      var result = Truth.true
      for item in items {
        result = result && truth(item, &s, &t)
        if result == .false { return .false }
      }
      return result
    case .or(let items):
      var result = Truth.false
      for item in items {
        result = result || truth(item, &s, &t)
        if result == .true { return .true }
      }
      return result
    case .compare(let op, let a, let b):
      return compare(op, value(a, &s, &t), value(b, &s, &t))
    case .between(let x, let low, let high, let negated):
      let v = value(x, &s, &t)
      let result =
        compare(.greaterEqual, v, value(low, &s, &t)) && compare(.lessEqual, v, value(high, &s, &t))
      return negated ? !result : result
    case .member(let x, let list, let negated):
      let v = value(x, &s, &t)
      guard v.isKnown else { return .unknown }
      let found = list.contains { compare(.equal, v, $0) == .true }
      return Truth(found != negated)
    case .has(let x, let mode, let wanted):
      guard case .set(let set) = value(x, &s, &t) else { return .unknown }
      return Truth(mode == .any ? set.intersects(wanted) : set.isSuperset(of: wanted))
    case .quantifier(let quantifier, let local, let list, let body):
      guard case .records(let items) = value(list, &s, &t) else { return .unknown }
      guard let body else { return .unknown }
      var sawUnknown = false
      for (index, item) in items.enumerated() {
        s.locals[local] = item
        s.localElements[local] = index
        switch truth(body, &s, &t) {
        case .true:
          if quantifier == .some { return .true }
          if quantifier == .no { return .false }
        case .false:
          if quantifier == .every { return .false }
        case .unknown:
          sawUnknown = true
        }
      }
      s.locals[local] = nil
      if sawUnknown { return .unknown }
      switch quantifier {
      case .some: return .false
      case .no, .every: return .true
      case .count: return .unknown
      }
    case .picked(let output, let v):
      return s.picked[output][v]
    default:
      if case .boolean(let b) = value(node, &s, &t) { return Truth(b) }
      return .unknown
    }
  }

  @inline(__always)
  static func compare(_ op: Node.Comparison, _ a: Value, _ b: Value) -> Truth {
    let order: Int
    switch (a, b) {
    case (.number(let x), .number(let y)): order = x < y ? -1 : (x > y ? 1 : 0)
    case (.enumValue(let x), .enumValue(let y)): order = x < y ? -1 : (x > y ? 1 : 0)
    case (.date(let x), .date(let y)): order = x < y ? -1 : (x > y ? 1 : 0)
    case (.string(let x), .string(let y)): order = x < y ? -1 : (x > y ? 1 : 0)
    case (.boolean(let x), .boolean(let y)):
      order = x == y ? 0 : 1
      if op != .equal && op != .notEqual { return .unknown }
    case (.set(let x), .set(let y)):
      order = x == y ? 0 : 1
      if op != .equal && op != .notEqual { return .unknown }
    default:
      return .unknown
    }
    switch op {
    case .equal: return Truth(order == 0)
    case .notEqual: return Truth(order != 0)
    case .less: return Truth(order < 0)
    case .lessEqual: return Truth(order <= 0)
    case .greater: return Truth(order > 0)
    case .greaterEqual: return Truth(order >= 0)
    }
  }
}
