import RuleDiagnostics

/// A rule that would have supported a value, and how far it was from firing.
public struct NearMiss: Sendable, Hashable {
  public var rule: Int
  public var failedCount: Int
  public var unknownCount: Int
}
