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
    var out = "\(diagnostic.location): \(label): [\(diagnostic.code)] \(diagnostic.message)\n"
    if let source, diagnostic.location.line >= 1 {
      let text = source.line(diagnostic.location.line)
      if !text.isEmpty {
        out += "  \(text)\n"
        let prefix = text.unicodeScalars.prefix(max(0, diagnostic.location.column - 1))
        let pad = String(prefix.map { $0 == "\t" ? "\t" : " " }.joined())
        out += "  \(pad)\(paint("^", "1;32"))\n"
      }
    }
    if let hint = diagnostic.hint { out += "  hint: \(hint)\n" }
    for note in diagnostic.notes {
      if let location = note.location {
        out += "  note: \(location): \(note.message)\n"
      } else {
        out += "  note: \(note.message)\n"
      }
    }
    return out
  }

  private func paint(_ text: String, _ code: String) -> String {
    colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }
}
