/// An alert that fired.
public struct FiredAlert: Sendable, Hashable {
  /// The alert, by index into `Program.alerts`.
  public var alert: Int
  /// Its severity.
  public var severity: AlertSeverity
  /// The fired rules that raised it, by rule index.
  public var rules: [Int]
}
