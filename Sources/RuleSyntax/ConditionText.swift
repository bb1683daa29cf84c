package import RuleDiagnostics

/// A condition as written: its text, its location and its parse.
package struct ConditionText: Sendable, Hashable {
  /// The expression text as written in the YAML scalar.
  package var text: Located<String>
  /// The parse, or nil when it did not parse (diagnostics were reported).
  package var expression: Expression?

  /// The source text of a sub-expression.
  package func source(of expression: Expression) -> String {
    let scalars = Array(text.value.unicodeScalars)
    let lower = max(0, min(expression.span.lowerBound, scalars.count))
    let upper = max(lower, min(expression.span.upperBound, scalars.count))
    return String(String.UnicodeScalarView(scalars[lower..<upper]))
  }
}
