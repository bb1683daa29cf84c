import RuleDiagnostics

/// The explanation of one output.
public struct OutputExplanation: Sendable, Hashable {
  /// The output, by index into `Program.outputs`.
  public var output: Int
  /// One explanation per value, in declared order.
  public var values: [ValueExplanation]
  /// Why A rather than B, where the output ranks a few values.
  public var competitions: [Competition]
}
