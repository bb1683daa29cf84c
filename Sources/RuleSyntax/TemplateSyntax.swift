package import RuleDiagnostics

/// A `because`/`teach` text split into text and `{placeholder}`s, each placeholder located at
/// its name inside the YAML scalar.
package struct TemplateSyntax: Sendable {
  /// A piece of a template.
  package enum Piece: Sendable {
    case text(String)
    case placeholder(Located<String>)
  }

  package var source: Located<String>
  package var pieces: [Piece]
}
