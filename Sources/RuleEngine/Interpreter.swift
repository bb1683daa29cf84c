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
      if !(T.self == NoTracer.self) { tracer.read(code.nodes[Int(index)], v, element: nil) }
      return v
    case .field:
      guard let record = s.locals[Int(i.a)] else { return .unknown }
      let field = Int(i.b)
      var v = field < record.fields.count ? record.fields[field] : .unknown
      if case .unknown = v, i.c >= 0 { v = code.ranges[Int(i.c)] }
      if !(T.self == NoTracer.self) {
        tracer.read(code.nodes[Int(index)], v, element: s.localElements[Int(i.a)])
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
    default:
      switch truth(index, &s) {
      case .true: return .boolean(true)
      case .false: return .boolean(false)
      case .unknown: return .unknown
      }
    }
  }

  mutating func truth(_ index: Int32, _ s: inout EvaluationState) -> Truth {
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
    case .local, .arithmetic, .negate:
      if case .boolean(let b) = value(index, &s) { return Truth(b) }
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
