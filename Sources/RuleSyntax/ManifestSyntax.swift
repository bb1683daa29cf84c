public import RuleDiagnostics

/// The pack manifest (`pack.yaml`).
public struct ManifestSyntax: Sendable {
  public var pack: Located<String>
  public var version: Located<String>
  public var title: Located<String>?
  public var description: String?
  public var authors: [String]
  /// Citation keys and their full text, in file order.
  public var references: [(key: Located<String>, text: String)]
  /// Paths of packs this one builds on, relative to this pack's folder.
  public var extends: [Located<String>]
  public var location: SourceLocation
}
