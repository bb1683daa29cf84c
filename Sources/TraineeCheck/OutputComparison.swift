import RuleDiagnostics
import RuleEngine

/// The comparison of one output.
public struct OutputComparison: Sendable, Hashable {
  /// The output, by index into `Program.outputs`.
  public var output: Int
  /// Whether the formulation names this output at all.
  public var addressed: Bool
  /// Every value the trainee chose or the engine picked, in the output's declared order.
  public var values: [ValueComparison]
  /// How many of `values` got each verdict.
  public var counts: VerdictCounts
}
