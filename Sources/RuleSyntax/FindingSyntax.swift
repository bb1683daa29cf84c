package import RuleDiagnostics

/// A finding of the vocabulary.
package struct FindingSyntax: Sendable {
  package var name: Located<String>
  package var type: TypeSyntax
  package var description: Located<String>?
  package var ask: Located<String>?
  package var derived: Bool
  /// Where its question ranks in "what to ask next" among questions of the same kind (higher
  /// first; default 0).
  package var priority: Located<Int>?
}
