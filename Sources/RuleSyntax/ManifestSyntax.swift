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
  /// `governance: strict` makes a reviewed rule without `reviewed_by` an error.
  package var governance: Located<String>? = nil
  /// `mode: release` runs only reviewed rules unless a command asks for `--no-release`.
  package var mode: Located<String>? = nil
  package var location: SourceLocation
}
