import RuleDiagnostics

/// EXPLAIN: everything a renderer needs to say how, why not, and what to ask next.
public struct Explanation: Sendable {
  /// The case explained.
  public var caseID: String
  /// The evaluation explained.
  public var evaluation: Evaluation
  /// One trace per rule, in rule order.
  public var rules: [RuleTrace]
  /// One explanation per output, in declared order.
  public var outputs: [OutputExplanation]
  /// Alerts that did not fire but could, if unknown findings were known.
  public var possibleAlerts: [PossibleAlert]
  /// What to ask next, in order.
  public var askNext: [Question]
}
