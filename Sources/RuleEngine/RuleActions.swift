import RuleDiagnostics

/// What a rule does when it fires.
public struct RuleActions: Sendable, Hashable {
  /// `(output, value)` pairs that receive `weight`.
  public let suggest: [(output: Int, value: Int)]
  /// The evidence its suggestions carry (negative argues against).
  public let weight: Double
  /// Derived finding slots set to true.
  public let derive: [Int]
  /// Alert indices raised.
  public let alerts: [Int]
  /// `(output, value)` pairs that cannot be picked.
  public let exclude: [(output: Int, value: Int)]

  package init(
    suggest: [(output: Int, value: Int)], weight: Double, derive: [Int], alerts: [Int],
    exclude: [(output: Int, value: Int)]
  ) {
    self.suggest = suggest
    self.weight = weight
    self.derive = derive
    self.alerts = alerts
    self.exclude = exclude
  }

  /// Equal when every action is.
  public static func == (lhs: RuleActions, rhs: RuleActions) -> Bool {
    lhs.weight == rhs.weight && lhs.derive == rhs.derive && lhs.alerts == rhs.alerts
      && lhs.suggest.map { [$0.output, $0.value] } == rhs.suggest.map { [$0.output, $0.value] }
      && lhs.exclude.map { [$0.output, $0.value] } == rhs.exclude.map { [$0.output, $0.value] }
  }

  /// Hashes the weight, derivations and alerts.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(weight)
    hasher.combine(derive)
    hasher.combine(alerts)
  }
}
