/// An alert that fired.
public struct FiredAlert: Sendable, Hashable {
  public var alert: Int
  public var severity: AlertSeverity
  /// The fired rules that raised it, by rule index.
  public var rules: [Int]
}
