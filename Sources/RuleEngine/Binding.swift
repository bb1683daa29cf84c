public import RuleDiagnostics

/// A quantifier variable bound to a list element when the rule fired.
public struct Binding: Sendable, Hashable {
  public var name: String
  /// The list finding's slot and the element index.
  public var slot: Int
  public var element: Int
  public var origin: SourceLocation?
}
