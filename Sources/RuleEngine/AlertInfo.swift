import RuleDiagnostics

/// A declared alert.
public struct AlertInfo: Sendable, Hashable {
  public var name: String
  public var severity: AlertSeverity
  public var label: String
  public var description: String?
  public var cite: [String]

  public init(name: String, severity: AlertSeverity, label: String, description: String?, cite: [String]) {
    self.name = name
    self.severity = severity
    self.label = label
    self.description = description
    self.cite = cite
  }
}
