import RuleDiagnostics
package import RuleEngine

/// A fired alert and whether the formulation took it into account.
package struct AlertComparison: Sendable, Hashable {
  /// The alert, by index into `Program.alerts`.
  package var alert: Int
  package var severity: AlertSeverity
  /// Whether the formulation lists it under `alerts:`.
  package var acknowledged: Bool
  /// The fired rules that raised it.
  package var rules: [Int]
}
