import RuleDiagnostics
import RuleEngine

/// The comparison of one output.
package struct OutputComparison: Sendable, Hashable {
  /// The output, by index into `Program.outputs`.
  package var output: Int
  /// Whether the formulation names this output at all.
  package var addressed: Bool
  /// Every value the trainee chose or the engine picked, in the output's declared order.
  package var values: [ValueComparison]
  /// How many of `values` got each verdict.
  package var counts: VerdictCounts
}
