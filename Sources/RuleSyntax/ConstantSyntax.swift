package import RuleDiagnostics

/// A named constant.
package struct ConstantSyntax: Sendable {
  /// What a constant may hold.
  package enum Value: Sendable, Hashable {
    case number(Double)
    case boolean(Bool)
  }

  package var name: Located<String>
  package var value: Located<Value>
}
