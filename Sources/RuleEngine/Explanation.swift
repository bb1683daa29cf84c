import RuleDiagnostics

/// EXPLAIN: everything a renderer needs to say how, why not, and what to ask next.
public struct Explanation: Sendable {
  public var caseID: String
  public var evaluation: Evaluation
  /// One trace per rule, in rule order.
  public var rules: [RuleTrace]
  public var outputs: [OutputExplanation]
  public var possibleAlerts: [PossibleAlert]
  public var askNext: [Question]
}
