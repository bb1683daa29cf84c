import RuleDiagnostics
public import RuleEngine

/// A fired alert and whether the formulation took it into account.
public struct AlertComparison: Sendable, Hashable {
  /// The alert, by index into `Program.alerts`.
  public var alert: Int
  public var severity: AlertSeverity
  /// Whether the formulation lists it under `alerts:`.
  public var acknowledged: Bool
  /// The fired rules that raised it.
  public var rules: [Int]
}
