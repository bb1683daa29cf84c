public import RuleDiagnostics

/// A `because`/`teach` text split into text and `{placeholder}`s, each placeholder located at
/// its name inside the YAML scalar.
public struct TemplateSyntax: Sendable {
  /// A piece of a template.
  public enum Piece: Sendable {
    case text(String)
    case placeholder(Located<String>)
  }

  public var source: Located<String>
  public var pieces: [Piece]
}
