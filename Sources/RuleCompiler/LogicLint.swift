import RuleDiagnostics
import RuleEngine

/// CHECK, deep: what `ipt lint` finds by reasoning about the rules' conditions over the declared
/// domains (number ranges, enum values, booleans). Each finding is a located warning with a stable
/// code. The analysis is sound and incomplete: a condition it cannot read as a constraint on one
/// finding (arithmetic, quantifiers, aggregates, `known`, picks, comparisons between findings)
/// takes no part in a contradiction and is matched only by an identical condition in an
/// implication, so anything it cannot decide is not reported.
struct LogicLint {
  let compiled: [(rule: Rule, reads: Set<Int>, outputs: Set<Int>)]
  let findings: [FindingInfo]
  let outputs: [OutputInfo]
  let alerts: [AlertInfo]
  let valueLocations: [[SourceLocation]]
  let constants: [(name: String, location: SourceLocation)]
  let usedConstants: Set<String>
  let recordOnly: Set<String>
  /// The number of values of each enum type.
  let enumSizes: [Int]

  /// What a rule's conditions say about one finding when they all hold.
  struct Constraint: Equatable {
    var low = -Double.infinity
    var lowStrict = false
    var high = Double.infinity
    var highStrict = false
    /// Enum values allowed (nil: any).
    var allowed: Set<Int>?
    /// The boolean value required (nil: any).
    var boolean: Bool?
    var conflict = false

    mutating func atLeast(_ value: Double, strict: Bool) {
      if value > low || (value == low && strict) {
        low = value
        lowStrict = strict
      }
      check()
    }

    mutating func atMost(_ value: Double, strict: Bool) {
      if value < high || (value == high && strict) {
        high = value
        highStrict = strict
      }
      check()
    }

    mutating func only(_ values: Set<Int>) {
      allowed = allowed.map { $0.intersection(values) } ?? values
      if allowed?.isEmpty == true { conflict = true }
    }

    mutating func require(_ value: Bool) {
      if let boolean, boolean != value { conflict = true }
      boolean = value
    }

    private mutating func check() {
      if low > high || (low == high && (lowStrict || highStrict)) { conflict = true }
    }

    /// Whether every value this constraint allows is allowed by `other`.
    func implies(_ other: Constraint) -> Bool {
      if conflict { return true }
      let lowOK = low > other.low || (low == other.low && (lowStrict || !other.lowStrict))
      let highOK = high < other.high || (high == other.high && (highStrict || !other.highStrict))
      let enumOK = other.allowed.map { o in allowed.map { $0.isSubset(of: o) } ?? false } ?? true
      let boolOK = other.boolean.map { $0 == boolean } ?? true
      return lowOK && highOK && enumOK && boolOK
    }
  }

  /// A rule's conditions read as constraints per finding, plus the conditions that could not be.
  struct Reading {
    var constraints: [Int: Constraint] = [:]
    var opaque: [Node.Kind] = []
    var contradictory: Bool { constraints.values.contains { $0.conflict } }
  }

  func run() -> [Diagnostic] {
    let readings = compiled.map { reading($0.rule) }
    var out: [Diagnostic] = []
    var unreachable = Set<Int>()
    for (r, entry) in compiled.enumerated() where readings[r].contradictory {
      unreachable.insert(r)
      out.append(CheckCatalogue.unreachableRule(entry.rule.id, at: entry.rule.location))
    }
    out += redundantRules(readings, unreachable: unreachable)
    out += contradictoryRules(readings, unreachable: unreachable)
    out += outputValues(unreachable: unreachable)
    out += unusedNames()
    out += becauseNamesUnread()
    return out
  }

  // MARK: Reading conditions

  func reading(_ rule: Rule) -> Reading {
    var reading = Reading()
    for condition in rule.conditions { add(condition.node, to: &reading) }
    return reading
  }

  private func add(_ node: Node, to reading: inout Reading) {
    if case .and(let parts) = node.kind {
      for part in parts { add(part, to: &reading) }
      return
    }
    guard let (slot, apply) = atom(node) else {
      reading.opaque.append(node.kind)
      return
    }
    var constraint = reading.constraints[slot] ?? domain(slot)
    apply(&constraint)
    reading.constraints[slot] = constraint
  }

  /// The declared domain of a finding: its range, or every value of its enum.
  private func domain(_ slot: Int) -> Constraint {
    var constraint = Constraint()
    if let range = findings[slot].range {
      constraint.low = range.lowerBound
      constraint.high = range.upperBound
    }
    return constraint
  }

  /// A condition on one finding against constants, as a change to its constraint.
  private func atom(_ node: Node) -> (Int, (inout Constraint) -> Void)? {
    switch node.kind {
    case .finding(let slot) where findings[slot].type == .boolean:
      return (slot, { $0.require(true) })
    case .not(let inner):
      if case .finding(let slot) = inner.kind, findings[slot].type == .boolean {
        return (slot, { $0.require(false) })
      }
      return nil
    case .compare(let op, let a, let b):
      if case .finding(let slot) = a.kind, case .constant(let value) = b.kind {
        return compare(slot, op, value)
      }
      if case .constant(let value) = a.kind, case .finding(let slot) = b.kind {
        return compare(slot, Self.flipped(op), value)
      }
      return nil
    case .between(let x, let low, let high, let negated):
      guard !negated, case .finding(let slot) = x.kind, let lo = Self.number(low),
        let hi = Self.number(high)
      else { return nil }
      return (
        slot,
        {
          $0.atLeast(lo, strict: false)
          $0.atMost(hi, strict: false)
        }
      )
    case .member(let x, let values, let negated):
      guard case .finding(let slot) = x.kind, case .enumeration(let id) = findings[slot].type
      else { return nil }
      let listed = Set(
        values.compactMap { value -> Int? in
          if case .enumValue(let v) = value { return v }
          return nil
        })
      guard listed.count == values.count else { return nil }
      let size = enumSize(id)
      let allowed = negated ? Set(0..<size).subtracting(listed) : listed
      return (slot, { $0.only(allowed) })
    default:
      return nil
    }
  }

  private func compare(_ slot: Int, _ op: Node.Comparison, _ value: Value) -> (
    Int, (inout Constraint) -> Void
  )? {
    switch value {
    case .number, .date:
      guard let x = value.bounds?.0 else { return nil }
      switch op {
      case .less: return (slot, { $0.atMost(x, strict: true) })
      case .lessEqual: return (slot, { $0.atMost(x, strict: false) })
      case .greater: return (slot, { $0.atLeast(x, strict: true) })
      case .greaterEqual: return (slot, { $0.atLeast(x, strict: false) })
      case .equal:
        return (
          slot,
          {
            $0.atLeast(x, strict: false)
            $0.atMost(x, strict: false)
          }
        )
      case .notEqual: return nil
      }
    case .enumValue(let v):
      guard case .enumeration(let id) = findings[slot].type else { return nil }
      switch op {
      case .equal: return (slot, { $0.only([v]) })
      case .notEqual: return (slot, { $0.only(Set(0..<enumSize(id)).subtracting([v])) })
      default: return nil
      }
    case .boolean(let b):
      switch op {
      case .equal: return (slot, { $0.require(b) })
      case .notEqual: return (slot, { $0.require(!b) })
      default: return nil
      }
    default:
      return nil
    }
  }

  private func enumSize(_ id: Int) -> Int { id < enumSizes.count ? enumSizes[id] : 0 }

  private static func number(_ node: Node) -> Double? {
    if case .constant(let value) = node.kind { return value.bounds?.0 }
    return nil
  }

  private static func flipped(_ op: Node.Comparison) -> Node.Comparison {
    switch op {
    case .less: .greater
    case .lessEqual: .greaterEqual
    case .greater: .less
    case .greaterEqual: .lessEqual
    case .equal, .notEqual: op
    }
  }

  /// Whether every case in which `a` holds is one in which `b` holds.
  static func implies(_ a: Reading, _ b: Reading) -> Bool {
    for (slot, constraint) in b.constraints {
      guard let mine = a.constraints[slot], mine.implies(constraint) else { return false }
    }
    return b.opaque.allSatisfy { kind in a.opaque.contains(kind) }
  }

  // MARK: Pairs of rules

  /// A rule whose only actions (derive, alert, exclude) another rule already takes whenever it
  /// holds.
  private func redundantRules(_ readings: [Reading], unreachable: Set<Int>) -> [Diagnostic] {
    var out: [Diagnostic] = []
    for (a, entry) in compiled.enumerated() where !unreachable.contains(a) {
      let actions = entry.rule.actions
      let acts = !actions.derive.isEmpty || !actions.alerts.isEmpty || !actions.exclude.isEmpty
      guard actions.suggest.isEmpty, acts else { continue }
      for (b, other) in compiled.enumerated() where b != a {
        let o = other.rule.actions
        let covered =
          Set(actions.derive).isSubset(of: o.derive) && Set(actions.alerts).isSubset(of: o.alerts)
          && actions.exclude.allSatisfy { e in o.exclude.contains { $0 == e } }
        guard covered, Self.implies(readings[a], readings[b]) else { continue }
        // Two rules that say the same in the same cases: report the second by id only.
        if Self.implies(readings[b], readings[a]) && b > a && o.derive.count == actions.derive.count
          && o.alerts.count == actions.alerts.count && o.exclude.count == actions.exclude.count
        {
          continue
        }
        out.append(
          CheckCatalogue.redundantRule(entry.rule.id, other: other.rule.id, at: entry.rule.location)
        )
        break
      }
    }
    return out
  }

  /// A rule whose suggestion of a value is always overridden: whenever it holds, a rule that
  /// excludes that value holds too.
  private func contradictoryRules(_ readings: [Reading], unreachable: Set<Int>) -> [Diagnostic] {
    var out: [Diagnostic] = []
    for (a, entry) in compiled.enumerated() where !unreachable.contains(a) {
      let actions = entry.rule.actions
      guard actions.weight > 0 else { continue }
      reported: for s in actions.suggest {
        for (b, other) in compiled.enumerated()
        where other.rule.actions.exclude.contains(where: { $0 == s }) {
          guard b == a || Self.implies(readings[a], readings[b]) else { continue }
          out.append(
            CheckCatalogue.contradictoryRules(
              entry.rule.id, other: other.rule.id,
              value: "\(outputs[s.output].name): \(outputs[s.output].values[s.value].name)",
              at: entry.rule.location))
          break reported
        }
      }
    }
    return out
  }

  // MARK: Output values

  private func outputValues(unreachable: Set<Int>) -> [Diagnostic] {
    var out: [Diagnostic] = []
    for (o, output) in outputs.enumerated() {
      for (v, value) in output.values.enumerated() {
        let location = valueLocations[o][v]
        let suggesters = compiled.indices.filter { r in
          compiled[r].rule.actions.suggest.contains { $0 == (o, v) }
        }
        if suggesters.isEmpty {
          out.append(CheckCatalogue.unsuggestedValue(output.name, value.name, at: location))
          continue
        }
        let total = suggesters.filter { !unreachable.contains($0) }.map {
          max(0, compiled[$0].rule.actions.weight)
        }.reduce(0, +)
        if total < output.minWeight {
          out.append(
            CheckCatalogue.unreachableValue(
              output.name, value.name, total: total, needed: output.minWeight, at: location))
        }
      }
    }
    return out
  }

  // MARK: Names nothing uses

  private func templateFindings(_ rule: Rule) -> Set<Int> {
    var slots: Set<Int> = []
    func walk(_ pieces: [Template.Piece]) {
      for piece in pieces {
        switch piece {
        case .finding(let slot, _): slots.insert(slot)
        case .optional(let inner): walk(inner)
        default: break
        }
      }
    }
    walk(rule.because?.pieces ?? [])
    walk(rule.teach?.pieces ?? [])
    return slots
  }

  private func unusedNames() -> [Diagnostic] {
    var read: Set<Int> = []
    for entry in compiled {
      read.formUnion(entry.reads)
      read.formUnion(templateFindings(entry.rule))
    }
    var out: [Diagnostic] = []
    for (slot, finding) in findings.enumerated()
    where !read.contains(slot) && !recordOnly.contains(finding.name) {
      if finding.derived {
        out.append(CheckCatalogue.unusedDerived(finding.name, at: finding.location))
      } else {
        out.append(CheckCatalogue.unusedFinding(finding.name, at: finding.location))
      }
    }
    for constant in constants where !usedConstants.contains(constant.name) {
      out.append(CheckCatalogue.unusedConstant(constant.name, at: constant.location))
    }
    return out
  }

  /// A `because` that names a finding the rule's conditions never read, directly or through the
  /// rules that derive what they read.
  private func becauseNamesUnread() -> [Diagnostic] {
    var derivers: [Int: [Int]] = [:]
    for (r, entry) in compiled.enumerated() {
      for slot in entry.rule.actions.derive { derivers[slot, default: []].append(r) }
    }
    var out: [Diagnostic] = []
    for entry in compiled {
      var reach = entry.reads
      var queue = Array(entry.reads)
      while let slot = queue.popLast() {
        for r in derivers[slot] ?? [] {
          for next in compiled[r].reads where reach.insert(next).inserted { queue.append(next) }
        }
      }
      var named: Set<Int> = []
      func walk(_ pieces: [Template.Piece]) {
        for piece in pieces {
          if case .finding(let slot, _) = piece { named.insert(slot) }
          if case .optional(let inner) = piece { walk(inner) }
        }
      }
      walk(entry.rule.because?.pieces ?? [])
      for slot in named.sorted() where !reach.contains(slot) {
        out.append(
          CheckCatalogue.becauseUnread(
            entry.rule.id, finding: findings[slot].name, at: entry.rule.location))
      }
    }
    return out
  }
}
