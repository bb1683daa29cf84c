public import RuleEngine
public import RuleRender

/// One case evaluated and explained: the evaluation, its explanation and the typed report that
/// every renderer prints.
public struct Outcome: Sendable {
  /// The case, checked against the pack's vocabulary.
  public let facts: CaseFacts
  /// What the rules concluded.
  public let evaluation: Evaluation
  /// How and why: traces, near misses, rivals, what to ask next.
  public let explanation: Explanation
  /// The explanation with every name resolved and every template filled.
  public let report: Report
}
