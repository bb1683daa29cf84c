package import RuleDiagnostics

/// A condition as written: its text, its location and its parse.
package struct ConditionText: Sendable, Hashable {
  /// The expression text as written in the YAML scalar.
  package var text: Located<String>
  /// The parse, or nil when it did not parse (diagnostics were reported).
  package var expression: Expression?
  /// Whether the text is ASCII, so that scalar offsets are byte offsets (found once).
  private let isASCII: Bool

  package init(text: Located<String>, expression: Expression?) {
    self.text = text
    self.expression = expression
    self.isASCII = text.value.utf8.allSatisfy { $0 < 0x80 }
  }

  /// The source text of a sub-expression.
  package func source(of expression: Expression) -> String {
    let utf8 = text.value.utf8
    // Offsets count Unicode scalars; in ASCII text they are byte offsets, reached at once.
    if isASCII {
      let lower = utf8.index(
        utf8.startIndex, offsetBy: min(max(0, expression.span.lowerBound), utf8.count))
      let upper = utf8.index(
        lower,
        offsetBy: min(max(0, expression.span.count), utf8.distance(from: lower, to: utf8.endIndex)))
      return String(text.value[lower..<upper])
    }
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
