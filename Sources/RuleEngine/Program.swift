public import RuleDiagnostics

/// The type of a finding, a record field or an expression.
public enum ValueType: Sendable, Hashable {
  case boolean
  case integer
  case number
  /// An enum, by index into `Program.enums`.
  case enumeration(Int)
  /// A set of an enum's values.
  case set(Int)
  case string
  case date
  /// A list of records, by index into `Program.records`.
  case list(Int)
  /// One record (a quantifier's bound variable).
  case record(Int)
}

/// An enum's values in declared order.
public struct EnumType: Sendable, Hashable {
  /// The finding or field that declared it, for messages.
  public var owner: String
  public var values: [String]

  public init(owner: String, values: [String]) {
    self.owner = owner
    self.values = values
  }
}

/// A record field.
public struct FieldInfo: Sendable, Hashable {
  public var name: String
  public var type: ValueType
  public var range: ClosedRange<Double>?
  public var unit: String?
  public var description: String?
  public var ask: String?

  public init(
    name: String, type: ValueType, range: ClosedRange<Double>?, unit: String?,
    description: String?, ask: String?
  ) {
    self.name = name
    self.type = type
    self.range = range
    self.unit = unit
    self.description = description
    self.ask = ask
  }
}

/// A record type: the fields of a list finding's items.
public struct RecordType: Sendable, Hashable {
  public var owner: String
  public var fields: [FieldInfo]

  public init(owner: String, fields: [FieldInfo]) {
    self.owner = owner
    self.fields = fields
  }
}

/// A finding, resolved to its slot (its index in `Program.findings`).
public struct FindingInfo: Sendable, Hashable {
  public var name: String
  public var type: ValueType
  public var range: ClosedRange<Double>?
  public var unit: String?
  public var description: String
  public var ask: String?
  public var derived: Bool
  public var location: SourceLocation

  public init(
    name: String, type: ValueType, range: ClosedRange<Double>?, unit: String?,
    description: String, ask: String?, derived: Bool, location: SourceLocation
  ) {
    self.name = name
    self.type = type
    self.range = range
    self.unit = unit
    self.description = description
    self.ask = ask
    self.derived = derived
    self.location = location
  }
}

/// One value of an output.
public struct OutputValueInfo: Sendable, Hashable {
  public var name: String
  public var label: String
  public var description: String?
  public var cite: [String]

  public init(name: String, label: String, description: String?, cite: [String]) {
    self.name = name
    self.label = label
    self.description = description
    self.cite = cite
  }
}

/// An output kind and its picking policy.
public struct OutputInfo: Sendable, Hashable {
  public var name: String
  public var title: String
  public var max: Int?
  public var minWeight: Double
  public var values: [OutputValueInfo]

  public init(name: String, title: String, max: Int?, minWeight: Double, values: [OutputValueInfo]) {
    self.name = name
    self.title = title
    self.max = max
    self.minWeight = minWeight
    self.values = values
  }
}

/// Alert severities, from least to most urgent.
public enum AlertSeverity: String, Sendable, Hashable, Codable, Comparable, CaseIterable {
  case info, warning, critical

  var rank: Int {
    switch self {
    case .info: 0
    case .warning: 1
    case .critical: 2
    }
  }

  public static func < (lhs: AlertSeverity, rhs: AlertSeverity) -> Bool { lhs.rank < rhs.rank }
}

/// A declared alert.
public struct AlertInfo: Sendable, Hashable {
  public var name: String
  public var severity: AlertSeverity
  public var label: String
  public var description: String?
  public var cite: [String]

  public init(name: String, severity: AlertSeverity, label: String, description: String?, cite: [String]) {
    self.name = name
    self.severity = severity
    self.label = label
    self.description = description
    self.cite = cite
  }
}

/// A citation key and its text.
public struct Reference: Sendable, Hashable {
  public var key: String
  public var text: String

  public init(key: String, text: String) {
    self.key = key
    self.text = text
  }
}

/// Identity of the pack a program was compiled from.
public struct PackIdentity: Sendable, Hashable, Codable {
  public var id: String
  public var version: String
  public var title: String
  /// SHA-256 of the pack's files (paths and bytes, sorted by path), hex.
  public var sha256: String

  public init(id: String, version: String, title: String, sha256: String) {
    self.id = id
    self.version = version
    self.title = title
    self.sha256 = sha256
  }
}

/// A template (`because`, `teach`) split into text and placeholders.
public struct Template: Sendable, Hashable {
  /// A piece of a template.
  public enum Piece: Sendable, Hashable {
    case text(String)
    case finding(Int, name: String)
    case constant(Value, type: ValueType, name: String)
    /// A quantifier variable (`local`), optionally a field of it.
    case variable(local: Int, field: Int?, type: ValueType, name: String)
  }

  public var source: String
  public var pieces: [Piece]

  public init(source: String, pieces: [Piece]) {
    self.source = source
    self.pieces = pieces
  }
}

/// What a rule does when it fires.
public struct RuleActions: Sendable, Hashable {
  /// `(output, value)` pairs that receive `weight`.
  public var suggest: [(output: Int, value: Int)]
  public var weight: Double
  /// Derived finding slots set to true.
  public var derive: [Int]
  /// Alert indices raised.
  public var alerts: [Int]
  /// `(output, value)` pairs that cannot be picked.
  public var exclude: [(output: Int, value: Int)]

  public init(
    suggest: [(output: Int, value: Int)], weight: Double, derive: [Int], alerts: [Int],
    exclude: [(output: Int, value: Int)]
  ) {
    self.suggest = suggest
    self.weight = weight
    self.derive = derive
    self.alerts = alerts
    self.exclude = exclude
  }

  public static func == (lhs: RuleActions, rhs: RuleActions) -> Bool {
    lhs.weight == rhs.weight && lhs.derive == rhs.derive && lhs.alerts == rhs.alerts
      && lhs.suggest.map { [$0.output, $0.value] } == rhs.suggest.map { [$0.output, $0.value] }
      && lhs.exclude.map { [$0.output, $0.value] } == rhs.exclude.map { [$0.output, $0.value] }
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(weight)
    hasher.combine(derive)
    hasher.combine(alerts)
  }
}

/// One top-level condition of a rule (an item of its `when:` list).
public struct Condition: Sendable, Hashable {
  public var text: String
  public var location: SourceLocation
  public var node: Node
  /// The quantifier variables (local indices) this condition binds.
  public var locals: Range<Int>
  /// Outputs this condition reads with `picked`.
  public var pickedOutputs: [Int]

  public init(
    text: String, location: SourceLocation, node: Node, locals: Range<Int> = 0..<0, pickedOutputs: [Int] = []
  ) {
    self.text = text
    self.location = location
    self.node = node
    self.locals = locals
    self.pickedOutputs = pickedOutputs
  }
}

/// A compiled rule.
public struct Rule: Sendable, Hashable {
  /// The lifecycle status of a rule.
  public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
    /// Not yet supported by a manual or a published source.
    case draft
    /// Supported by a manual or a published source.
    case reviewed
    /// Kept for the record, never evaluated.
    case retired
  }

  public var id: String
  public var title: String
  public var conditions: [Condition]
  public var actions: RuleActions
  public var because: Template?
  public var teach: Template?
  public var cite: [String]
  public var status: Status
  public var author: String?
  public var location: SourceLocation
  /// Number of quantifier variables the rule's conditions bind.
  public var localCount: Int
  /// Names of the quantifier variables, by local index.
  public var localNames: [String]
  /// The list finding (slot) each quantifier variable ranges over, by local index.
  public var localLists: [Int]

  public init(
    id: String, title: String, conditions: [Condition], actions: RuleActions, because: Template?,
    teach: Template?, cite: [String], status: Status, author: String?, location: SourceLocation,
    localCount: Int, localNames: [String], localLists: [Int]
  ) {
    self.id = id
    self.title = title
    self.conditions = conditions
    self.actions = actions
    self.because = because
    self.teach = teach
    self.cite = cite
    self.status = status
    self.author = author
    self.location = location
    self.localCount = localCount
    self.localNames = localNames
    self.localLists = localLists
  }
}

/// One step of the evaluation plan.
public enum Step: Sendable, Hashable {
  /// Evaluate rule `i`.
  case rule(Int)
  /// Every rule deriving this finding slot has run: fix its value.
  case derived(Int)
  /// Every rule suggesting or excluding a value of this output has run: pick its values.
  case output(Int)
}

/// A compiled pack: immutable, `Sendable`, evaluated many times.
public struct Program: Sendable {
  public var pack: PackIdentity
  public var references: [Reference]
  public var findings: [FindingInfo]
  public var enums: [EnumType]
  public var records: [RecordType]
  public var outputs: [OutputInfo]
  public var alerts: [AlertInfo]
  public var constants: [(name: String, value: Value)]
  /// Rules, sorted by id. Indices are stable rule numbers.
  public var rules: [Rule]
  /// The evaluation plan: every rule runs after everything it reads is final.
  public var plan: [Step]
  /// For each finding slot: the rules deriving it (empty for case findings).
  public var derivers: [[Int]]
  /// For each output: the rules suggesting or excluding one of its values.
  public var outputRules: [[Int]]
  /// The evaluation stratum of each rule (0 = reads only case findings).
  public var strata: [Int]
  /// The rules' conditions in evaluation form.
  public let code: Code
  /// The most quantifier variables any rule binds.
  let maxLocals: Int
  /// Per rule, how many quantifier variables it binds.
  let localCounts: [Int]
  /// Per output, every rule's effect on its values, so picking reads no `Rule`.
  let effects: [[Effect]]
  /// `(rule, alert)` for every rule that raises an alert.
  let raises: [(rule: Int, alert: Int)]
  /// Per rule, the weight of its suggestions.
  let ruleWeights: [Double]

  /// One rule's suggestion or exclusion of one value.
  struct Effect: Sendable {
    var rule: Int
    var value: Int
    var weight: Double
    var exclude: Bool
  }

  public init(
    pack: PackIdentity, references: [Reference], findings: [FindingInfo], enums: [EnumType],
    records: [RecordType], outputs: [OutputInfo], alerts: [AlertInfo],
    constants: [(name: String, value: Value)], rules: [Rule], plan: [Step], derivers: [[Int]],
    outputRules: [[Int]], strata: [Int]
  ) {
    self.pack = pack
    self.references = references
    self.findings = findings
    self.enums = enums
    self.records = records
    self.outputs = outputs
    self.alerts = alerts
    self.constants = constants
    self.rules = rules
    self.plan = plan
    self.derivers = derivers
    self.outputRules = outputRules
    self.strata = strata
    self.code = Code(rules: rules)
    self.maxLocals = rules.reduce(0) { max($0, $1.localCount) }
    self.localCounts = rules.map(\.localCount)
    self.ruleWeights = rules.map(\.actions.weight)
    self.raises = rules.indices.flatMap { r in rules[r].actions.alerts.map { (r, $0) } }
    self.effects = outputRules.enumerated().map { output, indices in
      indices.flatMap { r in
        rules[r].actions.suggest.filter { $0.output == output }.map {
          Effect(rule: r, value: $0.value, weight: rules[r].actions.weight, exclude: false)
        }
          + rules[r].actions.exclude.filter { $0.output == output }.map {
            Effect(rule: r, value: $0.value, weight: 0, exclude: true)
          }
      }
    }
  }

  /// The rule with this id.
  public func rule(id: String) -> Int? {
    var low = 0
    var high = rules.count - 1
    while low <= high {
      let mid = (low + high) / 2
      if rules[mid].id == id { return mid }
      if rules[mid].id < id { low = mid + 1 } else { high = mid - 1 }
    }
    return nil
  }
}
