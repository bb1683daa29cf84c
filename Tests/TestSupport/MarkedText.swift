public import RuleDiagnostics

/// An inline fixture with location markers, in the style of swift-syntax: `1️⃣` ... `9️⃣` mark
/// where a diagnostic or a node must point. The markers are stripped from `text`; `markers` holds
/// where each stood (1-based line and column, columns counting Unicode scalars of the stripped
/// text).
public struct MarkedText: Sendable {
  /// The text without markers.
  public let text: String
  /// Marker name ("1️⃣") -> where it stood.
  public let markers: [String: (line: Int, column: Int)]

  public init(_ marked: String) {
    let scalars = Array(marked.unicodeScalars)
    var text = String.UnicodeScalarView()
    var markers: [String: (line: Int, column: Int)] = [:]
    var line = 1
    var column = 1
    var i = 0
    while i < scalars.count {
      let c = scalars[i]
      if c.properties.numericType != nil, c.isASCII, i + 2 < scalars.count,
        scalars[i + 1] == "\u{FE0F}", scalars[i + 2] == "\u{20E3}"
      {
        markers[String(String.UnicodeScalarView(scalars[i...(i + 2)]))] = (line, column)
        i += 3
        continue
      }
      text.append(c)
      if c == "\n" {
        line += 1
        column = 1
      } else {
        column += 1
      }
      i += 1
    }
    self.text = String(text)
    self.markers = markers
  }

  /// Where marker `name` stood, in `file`.
  public func location(_ name: String = "1️⃣", file: String) -> SourceLocation? {
    markers[name].map { SourceLocation(file: file, line: $0.line, column: $0.column) }
  }
}
