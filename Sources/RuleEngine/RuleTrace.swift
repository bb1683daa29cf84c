import RuleDiagnostics

/// How one rule came out for one case.
public struct RuleTrace: Sendable, Hashable {
  /// The rule, by index into `Program.rules`.
  public var rule: Int
  /// Its condition's truth.
  public var truth: Truth
  /// Its conditions, each evaluated.
  public var premises: [Premise]
  /// The variables bound when it fired.
  public var bindings: [Binding]
  /// Base findings whose absence left the rule undetermined (through derived findings too).
  public var missing: [Int]

  /// Premises that are false.
  public var failed: [Premise] { premises.filter { $0.truth == .false } }
  /// Premises that are unknown.
  public var undetermined: [Premise] { premises.filter { $0.truth == .unknown } }
}
