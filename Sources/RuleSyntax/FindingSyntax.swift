package import RuleDiagnostics

/// A finding of the vocabulary.
package struct FindingSyntax: Sendable {
  package var name: Located<String>
  package var type: TypeSyntax
  package var description: Located<String>?
  package var ask: Located<String>?
  package var derived: Bool
}
