public import RuleDiagnostics

/// One top-level condition of a rule, evaluated.
public struct Premise: Sendable, Hashable {
  public var text: String
  public var location: SourceLocation
  public var truth: Truth
  public var observations: [Observation]
}
