public import RuleDiagnostics

/// A quantifier variable bound to a list element when the rule fired.
public struct Binding: Sendable, Hashable {
  /// The variable's name.
  public var name: String
  /// The list finding's slot and the element index.
  public var slot: Int
  /// The index of the element in the list.
  public var element: Int
  /// Where the element is written in the case file.
  public var origin: SourceLocation?
}
