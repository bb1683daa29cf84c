public import RuleDiagnostics

/// Maps an offset inside a scalar's value back to a line and column of its file, so that an error
/// inside an expression points at the exact character.
struct ScalarMapping {
  let file: SourceFile
  let node: YNode

  func location(ofOffset offset: Int) -> SourceLocation {
    guard case .scalar(let value, let style) = node.kind else { return node.location }
    let start = node.location
    if style == .plain || style == .quoted, !value.contains("\n") {
      // Single-line scalars: the value sits on the node's line (after the opening quote).
      let line = Array(file.line(start.line).unicodeScalars)
      let base = start.column - 1 + (style == .quoted ? 1 : 0)
      let valueScalars = Array(value.unicodeScalars)
      let end = base + valueScalars.count
      if end <= line.count, Array(line[base..<end]) == valueScalars {
        return start.advanced(by: offset + (style == .quoted ? 1 : 0))
      }
    }
    return walk(to: offset, value: Array(value.unicodeScalars), style: style)
  }

  /// Walks the source and the value together, letting runs of white space and line breaks in the
  /// value match any run of white space in the source (folding, indentation, escapes).
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
    if style == .quoted {
      column += 1
    } else if style == .block {
      guard nextLine() else { return node.location }
    }
    func isSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" || c == "\n" || c == "\r" }
    func skipSourceSpace() {
      while true {
        if column >= lineText.count {
          if !nextLine() { return }
          continue
        }
        if isSpace(lineText[column]) { column += 1 } else { return }
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
      if column >= lineText.count || isSpace(lineText[column]) {
        skipSourceSpace()
      }
      if column < lineText.count, lineText[column] == "\\", c != "\\" {
        column += 2  // an escape sequence stands for one character
      } else {
        column += 1
      }
      index += 1
    }
    if index < value.count, !isSpace(value[index]), column < lineText.count, isSpace(lineText[column]) {
      skipSourceSpace()
    }
    return SourceLocation(file: file.path, line: line, column: column + 1)
  }
}
