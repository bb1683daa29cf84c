import RuleDiagnostics

/// A compiled pack: immutable, `Sendable`, evaluated many times.
public struct Program: Sendable {
  /// The pack's identity.
  public let pack: PackIdentity
  /// Citation keys and their texts, sorted by key.
  public let references: [Reference]
  /// The vocabulary, by slot.
  public let findings: [FindingInfo]
  /// Every enum type, by index.
  public let enums: [EnumType]
  /// Every record type, by index.
  public let records: [RecordType]
  /// The outputs, in declared order.
  public let outputs: [OutputInfo]
  /// The alerts, in declared order.
  public let alerts: [AlertInfo]
  /// The constants, in declared order.
  public let constants: [(name: String, value: Value)]
  /// Rules, sorted by id. Indices are stable rule numbers.
  public let rules: [Rule]
  /// The evaluation plan: every rule runs after everything it reads is final.
  public let plan: [Step]
  /// For each finding slot: the rules deriving it (empty for case findings).
  public let derivers: [[Int]]
  /// For each output: the rules suggesting or excluding one of its values.
  public let outputRules: [[Int]]
  /// The evaluation stratum of each rule (0 = reads only case findings).
  public let strata: [Int]
  /// The rules' conditions in evaluation form.
  package let code: Code
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

  package init(
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
    self.code = Code(rules: rules, findings: findings, records: records)
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
