package import RuleDiagnostics

/// The pack manifest (`pack.yaml`).
package struct ManifestSyntax: Sendable {
  package var pack: Located<String>
  package var version: Located<String>
  package var title: Located<String>?
  package var description: String?
  package var authors: [String]
  /// Citation keys and their full text, in file order.
  package var references: [(key: Located<String>, text: String)]
  /// Paths of packs this one builds on, relative to this pack's folder.
  package var extends: [Located<String>]
  package var location: SourceLocation
}
