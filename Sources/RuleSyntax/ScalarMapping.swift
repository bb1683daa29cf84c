import RuleDiagnostics

/// Maps an offset inside a scalar's value back to a line and column of its file, so that an error
/// inside an expression points at the exact character.
struct ScalarMapping {
  let file: SourceFile
  let node: YNode
  /// For a single-line scalar written as its value: the column shift of offset 0 (so that each
  /// location costs nothing, and a long condition is located in linear time).
  private let shift: Int?

  init(file: SourceFile, node: YNode) {
    self.file = file
    self.node = node
    var shift: Int?
    // The line break is looked for among the bytes: `contains("\n")` would walk the value's
    // characters (grapheme breaking), the most expensive step of loading a pack.
    if case .scalar(let value, let style) = node.kind, style == .plain || style == .quoted,
      !value.containsByte(where: { $0 == UInt8(ascii: "\n") })
    {
      // Single-line scalars: the value sits on the node's line (after the opening quote).
      let base = node.location.column - 1 + (style == .quoted ? 1 : 0)
      if Self.line(node.location.line, of: file, holds: value, atScalar: base) {
        shift = style == .quoted ? 1 : 0
      }
    }
    self.shift = shift
  }

  /// Whether line `number` of `file` holds `value` from its scalar `column` (0-based), compared
  /// byte by byte in place.
  private static func line(
    _ number: Int, of file: SourceFile, holds value: String, atScalar column: Int
  ) -> Bool {
    guard number >= 1, number <= file.lineStarts.count, column >= 0 else { return false }
    var text = file.text
    var value = value
    return text.withUTF8 { bytes in
      value.withUTF8 { wanted in
        var offset = file.lineStarts[number - 1]
        let end = number < file.lineStarts.count ? file.lineStarts[number] : bytes.count
        var scalars = 0
        while scalars < column {
          guard offset < end else { return false }
          offset += 1
          // Count the first byte of each scalar, not its continuation bytes.
          if offset >= end || bytes[offset] & 0xC0 != 0x80 { scalars += 1 }
        }
        guard wanted.count <= end - offset else { return false }
        for (k, byte) in wanted.enumerated() where bytes[offset + k] != byte { return false }
        return true
      }
    }
  }

  func location(ofOffset offset: Int) -> SourceLocation {
    guard case .scalar(let value, let style) = node.kind else { return node.location }
    if let shift { return node.location.advanced(by: offset + shift) }
    return walk(to: offset, value: Array(value.unicodeScalars), style: style)
  }

  /// Walks the source and the value together, letting runs of white space and line breaks in the
  /// value match any run of white space in the source (folding, indentation, escapes). Escape
  /// sequences of double-quoted scalars (`\"`, `\\`, `\t`, `\u00e9`, ...) and the doubled quote of
  /// single-quoted scalars (`''`) stand for one character of the value.
  private func walk(to offset: Int, value: [Unicode.Scalar], style: YNode.Style) -> SourceLocation {
    var line = node.location.line
    var lineText = Array(file.line(line).unicodeScalars)
    var column = node.location.column - 1  // 0-based index into lineText
    func nextLine() -> Bool {
      guard line < file.lineStarts.count else { return false }
      line += 1
      lineText = Array(file.line(line).unicodeScalars)
      column = 0
      return true
    }
    var quote: Unicode.Scalar?
    if style == .quoted {
      if column < lineText.count { quote = lineText[column] }
      column += 1
    } else if style == .block {
      guard nextLine() else { return node.location }
    }
    func isSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" || c == "\n" || c == "\r" }
    func at(_ i: Int) -> Unicode.Scalar? { i < lineText.count ? lineText[i] : nil }
    /// How many source characters stand for the value character at `column`.
    func width() -> Int {
      if quote == "\"", at(column) == "\\" {
        switch at(column + 1) {
        case "x": return 4
        case "u": return 6
        case "U": return 10
        default: return 2
        }
      }
      if quote == "'", at(column) == "'", at(column + 1) == "'" { return 2 }
      return 1
    }
    /// How many source characters at `column` are white space, or an escape that stands for white
    /// space (or for nothing, as a backslash before a line break does); nil when there are none.
    func spaceWidth() -> Int? {
      guard let c = at(column) else { return nil }
      if isSpace(c) { return 1 }
      if quote == "\"", c == "\\" {
        switch at(column + 1) {
        case nil: return 1
        case "t", "n", "r", " ", "\t": return 2
        default: return nil
        }
      }
      return nil
    }
    func skipSourceSpace() {
      while true {
        if column >= lineText.count {
          if !nextLine() { return }
          continue
        }
        guard let step = spaceWidth() else { return }
        column += step
      }
    }
    var index = 0
    while index < min(offset, value.count) {
      let c = value[index]
      if isSpace(c) {
        while index < value.count, index < offset, isSpace(value[index]) { index += 1 }
        skipSourceSpace()
        continue
      }
      if column >= lineText.count || spaceWidth() != nil {
        skipSourceSpace()
      }
      column += width()
      index += 1
    }
    if index < value.count, !isSpace(value[index]), column < lineText.count, spaceWidth() != nil {
      skipSourceSpace()
    }
    return SourceLocation(file: file.path, line: line, column: column + 1)
  }
}
