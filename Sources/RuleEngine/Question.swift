import RuleDiagnostics

/// A finding worth asking about next, and why.
public struct Question: Sendable, Hashable {
  /// The finding, by slot.
  public var slot: Int
  /// The most severe alert its answer could raise, if any.
  public var alertSeverity: AlertSeverity?
  /// Alerts its answer could raise.
  public var alerts: [Int]
  /// `(output, value)` picks its answer could change.
  public var picks: [OutputValue]
  /// Undetermined rules it decides.
  public var rules: [Int]
}
