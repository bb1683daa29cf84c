public import RuleDiagnostics

/// A named constant.
public struct ConstantSyntax: Sendable {
  /// What a constant may hold.
  public enum Value: Sendable, Hashable {
    case number(Double)
    case boolean(Bool)
  }

  public var name: Located<String>
  public var value: Located<Value>
}
