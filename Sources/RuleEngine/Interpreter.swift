/// Evaluates compiled code with Kleene three-valued logic.
struct Interpreter<T: EvaluationTracer> {
  let code: Code
  var tracer: T

  init(code: Code, tracer: T) {
    self.code = code
    self.tracer = tracer
  }

  mutating func value(_ index: Int32, _ s: inout EvaluationState) -> Value {
    let i = code.instructions[Int(index)]
    switch i.op {
    case .constant:
      return code.constants[Int(i.a)]
    case .finding:
      var v = s.facts[Int(i.a)]
      // An unknown number or date ranges over its declared range.
      if case .unknown = v, i.c >= 0 { v = code.ranges[Int(i.c)] }
      if !(T.self == NoTracer.self) { tracer.read(Int(index), v, element: nil) }
      return v
    case .field:
      guard let record = s.locals[Int(i.a)] else { return .unknown }
      let field = Int(i.b)
      var v = field < record.fields.count ? record.fields[field] : .unknown
      if case .unknown = v, i.c >= 0 { v = code.ranges[Int(i.c)] }
      if !(T.self == NoTracer.self) {
        tracer.read(Int(index), v, element: s.localElements[Int(i.a)])
      }
      return v
    case .local:
      return .unknown
    case .arithmetic:
      let lhs = value(i.a, &s)
      let rhs = value(i.b, &s)
      if case .number(let x) = lhs, case .number(let y) = rhs {
        switch i.flag {
        case 0: return .number(x + y)
        case 1: return .number(x - y)
        case 2: return .number(x * y)
        default: return y == 0 ? .unknown : .number(x / y)
        }
      }
      guard let a = lhs.bounds, let b = rhs.bounds else { return .unknown }
      return Interval.arithmetic(i.flag, a, b) ?? .unknown
    case .negate:
      let operand = value(i.a, &s)
      if case .number(let x) = operand { return .number(-x) }
      guard let a = operand.bounds else { return .unknown }
      return Interval.negate(a)
    case .quantifier where i.flag == 3:  // count
      // Of an unknown list, any count; of elements whose condition is unknown, an interval.
      guard case .records(let items) = value(i.b, &s) else { return .interval(0, .infinity) }
      guard i.c >= 0 else { return .number(Double(items.count)) }
      let local = Int(i.a)
      var count = 0
      var open = 0
      defer { s.locals[local] = nil }
      for (element, item) in items.enumerated() {
        s.locals[local] = item
        s.localElements[local] = element
        switch truth(i.c, &s) {
        case .true: count += 1
        case .false: break
        case .unknown: open += 1
        }
      }
      return .between(Double(count), Double(count + open))
    case .aggregate:
      return aggregate(i, &s)
    default:
      switch truth(index, &s) {
      case .true: return .boolean(true)
      case .false: return .boolean(false)
      case .unknown: return .unknown
      }
    }
  }

  /// The truth of a condition; a shared leaf condition is worked out once per case (unless a
  /// tracer records reads: then every read happens).
  mutating func truth(_ index: Int32, _ s: inout EvaluationState) -> Truth {
    if T.self == NoTracer.self, !s.leaves.isEmpty {
      let leaf = Int(code.leaves[Int(index)])
      if leaf >= 0 {
        if let known = s.leaves[leaf] { return known }
        let result = evaluate(index, &s)
        s.leaves[leaf] = result
        return result
      }
    }
    return evaluate(index, &s)
  }

  private mutating func evaluate(_ index: Int32, _ s: inout EvaluationState) -> Truth {
    let i = code.instructions[Int(index)]
    switch i.op {
    case .constant:
      if case .boolean(let b) = code.constants[Int(i.a)] { return Truth(b) }
      return .unknown
    case .finding, .field:
      if case .boolean(let b) = value(index, &s) { return Truth(b) }
      return .unknown
    case .known:
      // Without a tracer, read the fact itself: an unknown value need not become its range first.
      if T.self == NoTracer.self {
        let operand = code.instructions[Int(i.a)]
        if operand.op == .finding {
          return Truth(s.facts[Int(operand.a)].isKnown == (i.flag == 1))
        }
      }
      return Truth(value(i.a, &s).isKnown == (i.flag == 1))
    case .not:
      return !truth(i.a, &s)
    case .and:
      var result = Truth.true
      for k in i.a..<(i.a + i.b) {
        result = result && truth(code.children[Int(k)], &s)
        if result == .false { return .false }
      }
      return result
    case .or:
      var result = Truth.false
      for k in i.a..<(i.a + i.b) {
        result = result || truth(code.children[Int(k)], &s)
        if result == .true { return .true }
      }
      return result
    case .compare:
      let lhs = value(i.a, &s)
      let rhs = value(i.b, &s)
      return Self.compare(Code.comparisons[Int(i.flag)], lhs, rhs)
    case .between:
      let v = value(i.a, &s)
      let low = value(i.b, &s)
      let high = value(i.c, &s)
      let result = Self.compare(.greaterEqual, v, low) && Self.compare(.lessEqual, v, high)
      return i.flag == 1 ? !result : result
    case .member:
      let v = value(i.a, &s)
      let start = code.listBase + Int(i.b)
      if case .interval(let low, let high) = v {
        let truth = Interval.member((low, high), of: code.constants[start..<(start + Int(i.c))])
        return i.flag == 1 ? !truth : truth
      }
      guard v.isKnown else { return .unknown }
      var found = false
      for k in start..<(start + Int(i.c)) where Self.compare(.equal, v, code.constants[k]) == .true
      {
        found = true
        break
      }
      return Truth(found != (i.flag == 1))
    case .has:
      guard case .set(let set) = value(i.a, &s) else { return .unknown }
      let wanted = code.sets[Int(i.b)]
      return Truth(i.flag == 0 ? set.intersects(wanted) : set.isSuperset(of: wanted))
    case .quantifier:
      guard i.flag != 3 else {
        if case .boolean(let b) = value(index, &s) { return Truth(b) }
        return .unknown
      }
      guard case .records(let items) = value(i.b, &s), i.c >= 0 else { return .unknown }
      let local = Int(i.a)
      var sawUnknown = false
      for (element, item) in items.enumerated() {
        s.locals[local] = item
        s.localElements[local] = element
        switch truth(i.c, &s) {
        case .true:
          // `some` keeps the witness bound (for explanations and because-templates).
          if i.flag == 0 { return .true }
          if i.flag == 1 {
            s.locals[local] = nil
            return .false
          }
        case .false:
          if i.flag == 2 {
            s.locals[local] = nil
            return .false
          }
        case .unknown:
          sawUnknown = true
        }
      }
      s.locals[local] = nil
      if sawUnknown { return .unknown }
      return i.flag == 0 ? .false : .true
    case .picked:
      return s.picked[Int(i.a)][Int(i.b)]
    case .local, .arithmetic, .negate, .aggregate:
      if case .boolean(let b) = value(index, &s) { return Truth(b) }
      return .unknown
    }
  }

  /// An aggregate over the elements whose filter holds. Range-aware: elements whose filter is
  /// unknown may or may not count, unknown values range over their declared range, and the result
  /// is the interval of every value the aggregate could have. Min, max, average, first and last of
  /// a selection that may be empty are unknown; a sum of none is 0 (docs/rule-language.md).
  private mutating func aggregate(_ i: Code.Instruction, _ s: inout EvaluationState) -> Value {
    let base = Int(i.c)
    let valueIndex = code.children[base]
    let filter = code.children[base + 1]
    let rangeIndex = code.children[base + 2]
    let isDate = code.children[base + 3] == 1
    let kind = Code.aggregates[Int(i.flag)]
    func make(_ low: Double, _ high: Double) -> Value {
      if isDate && low == high, low.isFinite { return .date(Int(low)) }
      return .between(low, high)
    }
    guard case .records(let items) = value(i.b, &s) else {
      // An unknown list may be empty: only a sum has a value then (0 or more values of the field's
      // sign); the others are unknown.
      guard kind == .sum else { return .unknown }
      let r = rangeIndex >= 0 ? code.ranges[Int(rangeIndex)].bounds : nil
      return .interval(
        (r?.low ?? -.infinity) < 0 ? -.infinity : 0, (r?.high ?? .infinity) > 0 ? .infinity : 0)
    }
    let local = Int(i.a)
    defer { s.locals[local] = nil }
    // Each element that may count: whether it surely counts, and the bounds of its value.
    var members: [(sure: Bool, low: Double, high: Double)] = []
    for (element, item) in items.enumerated() {
      s.locals[local] = item
      s.localElements[local] = element
      let selected = filter >= 0 ? truth(filter, &s) : .true
      if selected == .false { continue }
      let bounds = value(valueIndex, &s).bounds ?? (-.infinity, .infinity)
      members.append((selected == .true, bounds.low, bounds.high))
    }
    let sure = members.filter(\.sure)
    switch kind {
    case .sum:
      var low = 0.0
      var high = 0.0
      for m in members {
        low += m.sure ? m.low : Swift.min(0, m.low)
        high += m.sure ? m.high : Swift.max(0, m.high)
      }
      return .between(low, high)
    case .first, .last:
      // The first (last) sure element, or any open element before (after) it.
      var low = Double.infinity
      var high = -Double.infinity
      for m in kind == .first ? members : members.reversed() {
        low = Swift.min(low, m.low)
        high = Swift.max(high, m.high)
        if m.sure { return make(low, high) }
      }
      return .unknown
    case .min:
      guard !sure.isEmpty else { return .unknown }
      return make(
        members.map(\.low).min() ?? -.infinity, sure.map(\.high).min() ?? .infinity)
    case .max:
      guard !sure.isEmpty else { return .unknown }
      return make(sure.map(\.low).max() ?? -.infinity, members.map(\.high).max() ?? .infinity)
    case .average:
      guard !sure.isEmpty else { return .unknown }
      let open = members.filter { !$0.sure }
      // The lowest average takes in the open elements that pull it down, lowest first; the
      // highest likewise.
      var sum = sure.reduce(0) { $0 + $1.low }
      var n = Double(sure.count)
      for low in open.map(\.low).sorted() where low < sum / n {
        sum += low
        n += 1
      }
      let lowest = sum / n
      sum = sure.reduce(0) { $0 + $1.high }
      n = Double(sure.count)
      for high in open.map(\.high).sorted(by: >) where high > sum / n {
        sum += high
        n += 1
      }
      return make(lowest, sum / n)
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
      guard let x = a.bounds, let y = b.bounds else { return .unknown }
      return Interval.compare(op, x, y)
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
