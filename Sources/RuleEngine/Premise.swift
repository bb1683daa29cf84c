public import RuleDiagnostics

/// One top-level condition of a rule, evaluated.
public struct Premise: Sendable, Hashable {
  /// The condition as written.
  public var text: String
  /// Where it is written in the pack.
  public var location: SourceLocation
  /// Whether it held.
  public var truth: Truth
  /// The values it read.
  public var observations: [Observation]
}
