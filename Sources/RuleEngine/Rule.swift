public import RuleDiagnostics

/// A compiled rule.
public struct Rule: Sendable, Hashable {
  /// The lifecycle status of a rule.
  public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
    /// Not yet supported by a manual or a published source.
    case draft
    /// Supported by a manual or a published source.
    case reviewed
    /// Kept for the record, never evaluated.
    case retired
  }

  /// The rule id.
  public let id: String
  /// The rule's title.
  public let title: String
  /// Its `when:` items; all must hold.
  public let conditions: [Condition]
  /// What it does when it fires.
  public let actions: RuleActions
  /// Its rationale, a template filled from the case.
  public let because: Template?
  /// What it teaches a trainee, a template.
  public let teach: Template?
  /// Citation keys.
  public let cite: [String]
  /// Draft or reviewed (retired rules are not compiled).
  public let status: Status
  /// Who wrote it.
  public let author: String?
  /// Where it is written in the pack.
  public let location: SourceLocation
  /// Number of quantifier variables the rule's conditions bind.
  public let localCount: Int
  /// Names of the quantifier variables, by local index.
  public let localNames: [String]
  /// The list finding (slot) each quantifier variable ranges over, by local index.
  public let localLists: [Int]

  package init(
    id: String, title: String, conditions: [Condition], actions: RuleActions, because: Template?,
    teach: Template?, cite: [String], status: Status, author: String?, location: SourceLocation,
    localCount: Int, localNames: [String], localLists: [Int]
  ) {
    self.id = id
    self.title = title
    self.conditions = conditions
    self.actions = actions
    self.because = because
    self.teach = teach
    self.cite = cite
    self.status = status
    self.author = author
    self.location = location
    self.localCount = localCount
    self.localNames = localNames
    self.localLists = localLists
  }
}
