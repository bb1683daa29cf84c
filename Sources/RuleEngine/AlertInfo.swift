import RuleDiagnostics

/// A declared alert.
public struct AlertInfo: Sendable, Hashable {
  /// The alert's name, as declared.
  public let name: String
  /// Info, warning or critical.
  public let severity: AlertSeverity
  /// What to do, shown to the user.
  public let label: String
  /// Why it matters.
  public let description: String?
  /// Citation keys.
  public let cite: [String]

  package init(
    name: String, severity: AlertSeverity, label: String, description: String?, cite: [String]
  ) {
    self.name = name
    self.severity = severity
    self.label = label
    self.description = description
    self.cite = cite
  }
}
