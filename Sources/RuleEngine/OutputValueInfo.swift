import RuleDiagnostics

/// One value of an output.
public struct OutputValueInfo: Sendable, Hashable {
  /// The value's name.
  public let name: String
  /// The value's label, for people.
  public let label: String
  /// What the value means.
  public let description: String?
  /// Citation keys.
  public let cite: [String]

  package init(name: String, label: String, description: String?, cite: [String]) {
    self.name = name
    self.label = label
    self.description = description
    self.cite = cite
  }
}
