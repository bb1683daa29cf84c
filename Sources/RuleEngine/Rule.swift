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

  public var id: String
  public var title: String
  public var conditions: [Condition]
  public var actions: RuleActions
  public var because: Template?
  public var teach: Template?
  public var cite: [String]
  public var status: Status
  public var author: String?
  public var location: SourceLocation
  /// Number of quantifier variables the rule's conditions bind.
  public var localCount: Int
  /// Names of the quantifier variables, by local index.
  public var localNames: [String]
  /// The list finding (slot) each quantifier variable ranges over, by local index.
  public var localLists: [Int]

  public init(
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
