import RuleDiagnostics

/// An alert that might fire if unknown findings were known.
public struct PossibleAlert: Sendable, Hashable {
  /// The alert, by index into `Program.alerts`.
  public var alert: Int
  /// The undetermined rules that could raise it.
  public var rules: [Int]
  /// The findings that decide them.
  public var missing: [Int]
}
