import RuleDiagnostics

/// How one rule came out for one case.
public struct RuleTrace: Sendable, Hashable {
  public var rule: Int
  public var truth: Truth
  public var premises: [Premise]
  public var bindings: [Binding]
  /// Base findings whose absence left the rule undetermined (through derived findings too).
  public var missing: [Int]

  /// Premises that are false.
  public var failed: [Premise] { premises.filter { $0.truth == .false } }
  /// Premises that are unknown.
  public var undetermined: [Premise] { premises.filter { $0.truth == .unknown } }
}
