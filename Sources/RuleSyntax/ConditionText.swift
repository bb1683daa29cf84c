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
    self.isASCII = !text.value.containsByte { $0 >= 0x80 }
  }

  /// The source text of a sub-expression.
  package func source(of expression: Expression) -> String {
    // Offsets count Unicode scalars; in ASCII text they are byte offsets, and the bytes are
    // copied straight into the new string (no index rounding, no substring).
    if isASCII {
      var value = text.value
      return value.withUTF8 { bytes in
        let lower = min(max(0, expression.span.lowerBound), bytes.count)
        let upper = lower + min(max(0, expression.span.count), bytes.count - lower)
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[lower..<upper]), as: UTF8.self)
      }
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
