package import RuleDiagnostics

/// The lifecycle status of a rule.
package enum RuleStatus: String, Sendable, CaseIterable, Codable {
  case draft, reviewed, retired
}

/// One rule as written.
package struct RuleSyntax: Sendable {
  package var id: Located<String>
  package var title: Located<String>?
  /// The `when:` conditions; all must hold.
  package var when: [ConditionSyntax]
  package var suggest: [OutputReference]
  package var weight: Located<Double>?
  package var derive: [Located<String>]
  package var alerts: [Located<String>]
  package var exclude: [OutputReference]
  package var because: TemplateSyntax?
  package var teach: TemplateSyntax?
  package var cite: [Located<String>]
  package var status: Located<RuleStatus>?
  package var author: String?
  /// Governance: who reviewed the rule, when (YYYY-MM-DD), and when it is due for review again.
  package var reviewedBy: Located<String>? = nil
  package var reviewedOn: Located<String>? = nil
  package var reviewDue: Located<String>? = nil
  package var location: SourceLocation
  /// Where `then:` is.
  package var thenLocation: SourceLocation
}
