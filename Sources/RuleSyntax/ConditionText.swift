package import RuleDiagnostics

/// A condition as written: its text, its location and its parse.
package struct ConditionText: Sendable, Hashable {
  /// The expression text as written in the YAML scalar.
  package var text: Located<String>
  /// The parse, or nil when it did not parse (diagnostics were reported).
  package var expression: Expression?

  /// The source text of a sub-expression.
  package func source(of expression: Expression) -> String {
    let scalars = text.value.unicodeScalars
    let lower =
      scalars.index(
        scalars.startIndex, offsetBy: max(0, expression.span.lowerBound),
        limitedBy: scalars.endIndex) ?? scalars.endIndex
    let upper =
      scalars.index(
        lower, offsetBy: max(0, expression.span.count), limitedBy: scalars.endIndex)
      ?? scalars.endIndex
    return String(scalars[lower..<upper])
  }
}
