import RuleDiagnostics

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
