import RuleDiagnostics

/// The explanation of one output.
public struct OutputExplanation: Sendable, Hashable {
  public var output: Int
  public var values: [ValueExplanation]
  public var competitions: [Competition]
}
