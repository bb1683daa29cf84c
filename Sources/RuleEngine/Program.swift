import RuleDiagnostics

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
