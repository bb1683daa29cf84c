/// The evaluation form of every rule condition: the `Node` trees flattened into one array of
/// fixed-size instructions that hold only indices, so the evaluation loop copies no strings and
/// does no look-ups by name. Built once when a `Program` is made.
package struct Code: Sendable {
  enum Op: UInt8, Sendable {
    case constant, finding, field, local, known, not, and, or, compare, between, member, has
    case arithmetic, negate, quantifier, picked, aggregate
  }

  /// One instruction. The meaning of `flag` and `a`...`c` depends on `op`:
  /// - constant: a = constant index
  /// - finding: a = slot, c = the range an unknown value ranges over (index into `ranges`, -1
  ///   for none: not a number or a date);  field: a = local, b = field, c = likewise;
  ///   local: a = local
  /// - known: flag = wants known (1) or unknown (0), a = operand
  /// - not / negate: a = operand
  /// - and / or: a = first child in `children`, b = child count
  /// - compare: flag = comparison, a = lhs, b = rhs
  /// - between: flag = negated, a = subject, b = low, c = high
  /// - member: flag = negated, a = subject, b = first list value (after `listBase`), c = count
  /// - has: flag = 0 any / 1 all, a = subject, b = set index
  /// - arithmetic: flag = operator, a = lhs, b = rhs
  /// - quantifier: flag = quantifier, a = local, b = list, c = body (-1 for none)
  /// - picked: a = output, b = value
  /// - aggregate: flag = aggregate, a = local, b = list, c = first of four entries in `children`:
  ///   the value, the filter (-1 for none), the range of an unknown result (-1 for none) and 1
  ///   when the value is a date
  struct Instruction: Sendable {
    var op: Op
    var flag: UInt8
    var a: Int32
    var b: Int32
    var c: Int32
  }

  /// The instructions of every condition.
  private(set) var instructions: [Instruction] = []
  /// Children of `and` / `or` instructions.
  private(set) var children: [Int32] = []
  /// Constants, then the values of every `in [...]` list (from `listBase` on).
  private(set) var constants: [Value] = []
  private(set) var listBase = 0
  private(set) var sets: [EnumSet] = []
  /// The node each instruction came from, for tracing.
  private(set) var nodes: [Node] = []
  /// Per rule, the root instruction of each top-level condition.
  private(set) var roots: [[Int32]] = []
  /// The ranges unknown numbers and dates range over (their declared `range`, or unbounded).
  private(set) var ranges: [Value] = []
  /// Member-list values while emitting; appended to `constants` at the end.
  private var listValues: [Value] = []
  /// Per instruction, the shared leaf condition it is (an index into a case's leaf results), or
  /// -1. A leaf is a test of findings against constants (`compare`, `between`, `in`, `has`,
  /// `known`) with no bound variable: the same finding, operator and constants in any rule give
  /// the same leaf, evaluated once per case (docs/architecture.md, "Shared leaf conditions").
  package private(set) var leaves: [Int32] = []
  /// How many distinct leaf conditions there are.
  package private(set) var leafCount = 0
  /// Per instruction that reads a finding or a field, a number for what the condition calls it
  /// (the same number for the same text), -1 for every other instruction: an explanation
  /// observes each name once per element without hashing its text.
  private(set) var readNames: [Int32] = []

  static let comparisons: [Node.Comparison] = [
    .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual,
  ]
  static let arithmetics: [Node.Arithmetic] = [.add, .subtract, .multiply, .divide]
  static let quantifiers: [Node.Quantifier] = [.some, .no, .every, .count]
  static let aggregates: [Node.Aggregate] = Node.Aggregate.allCases

  init(rules: [Rule], findings: [FindingInfo], records: [RecordType]) {
    for rule in rules {
      var roots: [Int32] = []
      for condition in rule.conditions {
        roots.append(emit(condition.node, rule: rule, findings: findings, records: records))
      }
      self.roots.append(roots)
    }
    listBase = constants.count
    constants += listValues
    listValues = []
    shareLeaves()
    numberReadNames()
  }

  /// Numbers what each finding or field read is called, the same number for the same text.
  private mutating func numberReadNames() {
    var numbers: [String: Int32] = [:]
    readNames = Array(repeating: -1, count: instructions.count)
    for (index, i) in instructions.enumerated() where i.op == .finding || i.op == .field {
      let text = nodes[index].text
      if let number = numbers[text] {
        readNames[index] = number
      } else {
        readNames[index] = Int32(numbers.count)
        numbers[text] = Int32(numbers.count)
      }
    }
  }

  /// What makes two leaf conditions the same: the operation and its flag, and each operand's
  /// finding slot or constant value, the `in` list and the `has` set.
  private struct LeafKey: Hashable {
    var op: Op
    var flag: UInt8
    var slots: [Int32] = []
    var values: [Value] = []
    var set: EnumSet?
  }

  /// Numbers every leaf condition, the same number for the same test.
  private mutating func shareLeaves() {
    var numbers: [LeafKey: Int32] = [:]
    leaves = Array(repeating: -1, count: instructions.count)
    for (index, i) in instructions.enumerated() {
      var key = LeafKey(op: i.op, flag: i.flag)
      let operands: [Int32]
      switch i.op {
      case .compare: operands = [i.a, i.b]
      case .between: operands = [i.a, i.b, i.c]
      case .member:
        operands = [i.a]
        let start = listBase + Int(i.b)
        key.values += constants[start..<(start + Int(i.c))]
      case .has:
        operands = [i.a]
        key.set = sets[Int(i.b)]
      case .known: operands = [i.a]
      default: continue
      }
      var shareable = true
      for operand in operands {
        let o = instructions[Int(operand)]
        switch o.op {
        // A slot's unknown range is its declared one: the slot decides it.
        case .finding: key.slots.append(o.a)
        case .constant:
          key.slots.append(-1)
          key.values.append(constants[Int(o.a)])
        default: shareable = false
        }
      }
      guard shareable else { continue }
      if let number = numbers[key] {
        leaves[index] = number
      } else {
        leaves[index] = Int32(numbers.count)
        numbers[key] = Int32(numbers.count)
      }
    }
    leafCount = numbers.count
  }

  private mutating func append(
    _ node: Node, _ op: Op, flag: UInt8 = 0, a: Int32 = 0, b: Int32 = 0, c: Int32 = 0
  ) -> Int32 {
    instructions.append(Instruction(op: op, flag: flag, a: a, b: b, c: c))
    nodes.append(node)
    return Int32(instructions.count - 1)
  }

  /// The range index for an unknown value of this type and declared range (-1 for types that
  /// have no order: booleans, enums, sets, text, lists).
  private mutating func range(_ type: ValueType, _ declared: ClosedRange<Double>?) -> Int32 {
    switch type {
    case .integer, .number, .date:
      ranges.append(
        .interval(declared?.lowerBound ?? -.infinity, declared?.upperBound ?? .infinity))
      return Int32(ranges.count - 1)
    default:
      return -1
    }
  }

  private mutating func emit(
    _ node: Node, rule: Rule, findings: [FindingInfo], records: [RecordType]
  ) -> Int32 {
    func emit(_ node: Node) -> Int32 {
      self.emit(node, rule: rule, findings: findings, records: records)
    }
    switch node.kind {
    case .constant(let value):
      constants.append(value)
      return append(node, .constant, a: Int32(constants.count - 1))
    case .finding(let slot):
      let c = range(findings[slot].type, findings[slot].range)
      return append(node, .finding, a: Int32(slot), c: c)
    case .field(let local, let field):
      var c: Int32 = -1
      if case .list(let r) = findings[rule.localLists[local]].type {
        c = range(records[r].fields[field].type, records[r].fields[field].range)
      }
      return append(node, .field, a: Int32(local), b: Int32(field), c: c)
    case .local(let local):
      return append(node, .local, a: Int32(local))
    case .known(let inner, let wantKnown):
      let operand = emit(inner)
      return append(node, .known, flag: wantKnown ? 1 : 0, a: operand)
    case .not(let inner):
      return append(node, .not, a: emit(inner))
    case .negate(let inner):
      return append(node, .negate, a: emit(inner))
    case .and(let items), .or(let items):
      let emitted = items.map { emit($0) }
      let start = Int32(children.count)
      children += emitted
      let isAnd: Bool
      if case .and = node.kind { isAnd = true } else { isAnd = false }
      return append(node, isAnd ? .and : .or, a: start, b: Int32(emitted.count))
    case .compare(let op, let lhs, let rhs):
      let l = emit(lhs)
      let r = emit(rhs)
      return append(
        node, .compare, flag: UInt8(Self.comparisons.firstIndex(of: op) ?? 0), a: l, b: r)
    case .between(let subject, let low, let high, let negated):
      let s = emit(subject)
      let l = emit(low)
      let h = emit(high)
      return append(node, .between, flag: negated ? 1 : 0, a: s, b: l, c: h)
    case .member(let subject, let list, let negated):
      let s = emit(subject)
      let start = Int32(listValues.count)
      listValues += list
      return append(node, .member, flag: negated ? 1 : 0, a: s, b: start, c: Int32(list.count))
    case .has(let subject, let mode, let set):
      let s = emit(subject)
      sets.append(set)
      return append(node, .has, flag: mode == .any ? 0 : 1, a: s, b: Int32(sets.count - 1))
    case .arithmetic(let op, let lhs, let rhs):
      let l = emit(lhs)
      let r = emit(rhs)
      return append(
        node, .arithmetic, flag: UInt8(Self.arithmetics.firstIndex(of: op) ?? 0), a: l, b: r)
    case .quantifier(let quantifier, let local, let list, let body):
      let l = emit(list)
      let b = body.map { emit($0) } ?? -1
      return append(
        node, .quantifier, flag: UInt8(Self.quantifiers.firstIndex(of: quantifier) ?? 0),
        a: Int32(local), b: l, c: b)
    case .picked(let output, let value):
      return append(node, .picked, a: Int32(output), b: Int32(value))
    case .aggregate(let aggregate, let local, let list, let value, let filter, let declared):
      let l = emit(list)
      let v = emit(value)
      let f = filter.map { emit($0) } ?? -1
      let r = declared != nil ? range(value.type, declared) : -1
      let start = Int32(children.count)
      children += [v, f, r, node.type == .date ? 1 : 0]
      return append(
        node, .aggregate, flag: UInt8(Self.aggregates.firstIndex(of: aggregate) ?? 0),
        a: Int32(local), b: l, c: start)
    }
  }
}
