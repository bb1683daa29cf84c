public import RuleDiagnostics

/// The lifecycle status of a rule.
public enum RuleStatus: String, Sendable, CaseIterable, Codable {
  case draft, reviewed, retired
}

/// One rule as written.
public struct RuleSyntax: Sendable {
  public var id: Located<String>
  public var title: Located<String>?
  /// The `when:` conditions; all must hold.
  public var when: [ConditionSyntax]
  public var suggest: [OutputReference]
  public var weight: Located<Double>?
  public var derive: [Located<String>]
  public var alerts: [Located<String>]
  public var exclude: [OutputReference]
  public var because: TemplateSyntax?
  public var teach: TemplateSyntax?
  public var cite: [Located<String>]
  public var status: Located<RuleStatus>?
  public var author: String?
  public var location: SourceLocation
  /// Where `then:` is.
  public var thenLocation: SourceLocation
}
