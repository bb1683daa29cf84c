package import RuleDiagnostics

/// A `because`/`teach` text split into text and `{placeholder}`s, each placeholder located at
/// its name inside the YAML scalar.
package struct TemplateSyntax: Sendable {
  /// A piece of a template.
  package indirect enum Piece: Sendable {
    case text(String)
    case placeholder(Located<String>)
    /// `[[ ... ]]`: left out when one of its placeholders is unknown.
    case optional([Piece])
  }

  package var source: Located<String>
  package var pieces: [Piece]
}
