public import RuleDiagnostics

/// A declared alert.
public struct AlertSyntax: Sendable {
  public var name: Located<String>
  public var severity: Located<String>
  public var label: Located<String>?
  public var description: String?
  public var cite: [Located<String>]
}
