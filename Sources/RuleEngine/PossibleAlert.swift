import RuleDiagnostics

/// An alert that might fire if unknown findings were known.
public struct PossibleAlert: Sendable, Hashable {
  public var alert: Int
  public var rules: [Int]
  public var missing: [Int]
}
