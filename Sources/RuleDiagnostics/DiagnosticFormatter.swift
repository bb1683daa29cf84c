/// Prints diagnostics like a compiler: `file:line:col: error: [code] message`, the source line,
/// a caret, then the hint and notes.
public struct DiagnosticFormatter: Sendable {
  /// Whether to use ANSI colour.
  public var colour: Bool

  /// Creates a formatter.
  public init(colour: Bool = false) { self.colour = colour }

  /// Formats diagnostics; `sources` supplies the text of the files they point into.
  public func format(_ diagnostics: [Diagnostic], sources: [String: SourceFile]) -> String {
    var out = ""
    for diagnostic in diagnostics {
      out += format(diagnostic, source: sources[diagnostic.location.file])
    }
    return out
  }

  /// Formats one diagnostic.
  public func format(_ diagnostic: Diagnostic, source: SourceFile?) -> String {
    let label: String
    switch diagnostic.severity {
    case .error: label = paint("error", "1;31")
    case .warning: label = paint("warning", "1;35")
    case .note: label = paint("note", "1;36")
    }
    let message = Self.clip(diagnostic.message)
    var out = "\(diagnostic.location): \(label): [\(diagnostic.code)] \(message)\n"
    if let source, diagnostic.location.line >= 1 {
      let (text, column) = Self.window(
        source.line(diagnostic.location.line), column: diagnostic.location.column)
      if !text.isEmpty {
        out += "  \(text)\n"
        let prefix = text.unicodeScalars.prefix(max(0, column - 1))
        let pad = String(prefix.map { $0 == "\t" ? "\t" : " " }.joined())
        out += "  \(pad)\(paint("^", "1;32"))\n"
      }
    }
    if let hint = diagnostic.hint { out += "  hint: \(Self.clip(hint))\n" }
    for note in diagnostic.notes {
      if let location = note.location {
        out += "  note: \(location): \(Self.clip(note.message))\n"
      } else {
        out += "  note: \(Self.clip(note.message))\n"
      }
    }
    return out
  }

  /// The most characters of a source line shown around the caret.
  public static let lineWidth = 160
  /// The most characters of a message, hint or note shown (user text inside can be huge).
  public static let messageWidth = 300

  /// A message cut to `messageWidth` characters, with `...` where it was cut.
  static func clip(_ text: String) -> String {
    let scalars = text.unicodeScalars
    guard scalars.count > messageWidth else { return text }
    return String(String.UnicodeScalarView(scalars.prefix(messageWidth - 3))) + "..."
  }

  /// At most `lineWidth` characters of a line around `column`, with `...` where it was cut, and
  /// the column of the caret in what is shown.
  static func window(_ line: String, column: Int) -> (String, Int) {
    let scalars = Array(line.unicodeScalars)
    guard scalars.count > lineWidth else { return (line, column) }
    let caret = min(max(0, column - 1), scalars.count)
    let start = max(0, min(caret - lineWidth / 2, scalars.count - lineWidth))
    let end = min(scalars.count, start + lineWidth)
    var shown = String(String.UnicodeScalarView(scalars[start..<end]))
    var shift = start
    if start > 0 {
      shown = "..." + shown
      shift -= 3
    }
    if end < scalars.count { shown += "..." }
    return (shown, column - shift)
  }

  private func paint(_ text: String, _ code: String) -> String {
    colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }
}
