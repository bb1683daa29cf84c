import RuleDiagnostics

/// A rule that would have supported a value, and how far it was from firing.
public struct NearMiss: Sendable, Hashable {
  /// The rule, by index into `Program.rules`.
  public var rule: Int
  /// How many of its conditions are false.
  public var failedCount: Int
  /// How many of its conditions are unknown.
  public var unknownCount: Int
}
