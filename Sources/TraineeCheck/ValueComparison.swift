import RuleDiagnostics
import RuleEngine

/// The comparison of one value that the trainee chose or the engine picked.
package struct ValueComparison: Sendable, Hashable {
  /// The value, by index into the output's values.
  package var value: Int
  package var verdict: Verdict
  /// Whether the trainee chose it.
  package var chosen: Bool
  /// Whether the engine picks it.
  package var picked: Bool
  /// Why the engine's decision is not settled; empty when it is. An agreed value can carry
  /// reasons too (a tentative agreement); disagreements with reasons have the verdict `uncertain`.
  package var uncertainty: [UncertaintyReason]
  /// Values of the same output in a close call with this one, by declared order.
  package var rivals: [Int]
  /// Findings whose answers could change the engine's decision on this value or its rivals.
  package var missing: [Int]
  /// Indices into `Explanation.askNext` of the questions that could change this value or its
  /// rivals, in the explanation's rank order.
  package var questions: [Int]

}
