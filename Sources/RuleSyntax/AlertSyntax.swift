package import RuleDiagnostics

/// A declared alert.
package struct AlertSyntax: Sendable {
  package var name: Located<String>
  package var severity: Located<String>
  package var label: Located<String>?
  package var description: String?
  package var cite: [Located<String>]
}
