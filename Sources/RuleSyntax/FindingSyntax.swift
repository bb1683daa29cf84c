public import RuleDiagnostics

/// A finding of the vocabulary.
public struct FindingSyntax: Sendable {
  public var name: Located<String>
  public var type: TypeSyntax
  public var description: Located<String>?
  public var ask: Located<String>?
  public var derived: Bool
}
