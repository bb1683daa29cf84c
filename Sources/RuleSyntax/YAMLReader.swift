package import RuleDiagnostics

/// Reads YAML text into `YNode`s, turning every YAML problem into a located diagnostic. A cheap scan
/// of the text refuses nesting too deep to compose; the system libyaml parses the rest, and the
/// composer stops at the first value over the node budget (see `YAMLComposer`).
package enum YAMLReader {
  /// The most nodes one file may expand to (after aliases).
  package static let nodeBudget = 200_000
  /// The deepest nesting accepted.
  package static let depthLimit = 128

  /// Parses one file. Returns nil (with diagnostics) when the file is not usable YAML.
  package static func read(_ file: SourceFile) -> (YNode?, [Diagnostic]) {
    let start = SourceLocation(file: file.path, line: 1, column: 1)
    if hasNullByte(file) {
      return (nil, [SyntaxCatalogue.binaryFile(at: start)])
    }
    if file.text.allSatisfy({ $0.isWhitespace }) {
      return (nil, [SyntaxCatalogue.emptyFile(at: start)])
    }
    if mayNestDeeply(file), let deep = deepNesting(in: file) {
      return (nil, [SyntaxCatalogue.tooDeep(limit: depthLimit, at: deep)])
    }
    var composer = YAMLComposer(file: file, budget: nodeBudget, depthLimit: depthLimit)
    return composer.compose()
  }

  /// Whether `read` refuses the file before parsing it, as binary or as nesting too deep.
  package static func refusedBeforeParsing(_ file: SourceFile) -> Bool {
    mayNestDeeply(file) && (hasNullByte(file) || deepNesting(in: file) != nil)
  }

  /// Whether the text holds a NUL byte (a binary file).
  private static func hasNullByte(_ file: SourceFile) -> Bool {
    file.text.containsByte { $0 == 0 }
  }

  /// Whether the text could nest past the depth limit as `deepNesting` sees it: more flow
  /// openers (`[`, `{`) than the limit, or a line whose indentation and indicators (spaces,
  /// tabs, `-`, `?`) are longer than twice the limit; also whether it holds a NUL byte (a
  /// binary file). One pass over the bytes, no decoding.
  private static func mayNestDeeply(_ file: SourceFile) -> Bool {
    var text = file.text
    return text.withUTF8 { bytes in
      var openers = 0
      var prefix = 0
      var atLineStart = true
      for byte in bytes {
        switch byte {
        case 0:
          return true
        case UInt8(ascii: "\n"), UInt8(ascii: "\r"), 0x85, 0xA8, 0xA9:
          // A line break (NEL, LS and PS end in 0x85, 0xA8, 0xA9); a false break only starts
          // counting a line's prefix anew, which makes the test stricter, never laxer.
          atLineStart = true
          prefix = 0
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "-"), UInt8(ascii: "?"):
          if atLineStart {
            prefix += 1
            if prefix / 2 > depthLimit { return true }
          }
        case UInt8(ascii: "["), UInt8(ascii: "{"):
          atLineStart = false
          openers += 1
          if openers > depthLimit { return true }
        default:
          atLineStart = false
        }
      }
      return false
    }
  }

  /// A cheap scan for nesting so deep that composing it would exhaust the stack.
  private static func deepNesting(in file: SourceFile) -> SourceLocation? {
    var text = file.text
    return text.withUTF8 { deepNesting(in: $0, path: file.path) }
  }

  /// The scan over the bytes. Past a line's indentation only a few bytes matter (line breaks,
  /// `#`, quotes, brackets and braces), so the others are skipped one test each; columns are
  /// counted in Unicode scalars, and only for the location returned. Every character tested is
  /// ASCII except the line breaks NEL (C2 85), LS (E2 80 A8) and PS (E2 80 A9).
  private static func deepNesting(in bytes: UnsafeBufferPointer<UInt8>, path: String)
    -> SourceLocation?
  {
    var special = [Bool](repeating: false, count: 256)
    for byte in Array("\n\r#\"'[]{}".utf8) + [0xC2, 0xE2] { special[Int(byte)] = true }
    var line = 1
    var lineStart = 0  // the offset of the current line's first byte
    var flow = 0
    var quote: UInt8?
    var atLineStart = true
    var indent = 0
    var comment = false
    /// Where the scalar starting at `offset` is: its column counts the scalars since the line's
    /// start, itself included.
    func location(_ offset: Int, plus extra: Int = 0) -> SourceLocation {
      var column = extra
      var k = lineStart
      while k <= offset, k < bytes.count {
        if bytes[k] & 0xC0 != 0x80 { column += 1 }
        k += 1
      }
      return SourceLocation(file: path, line: line, column: column)
    }
    var i = 0
    while i < bytes.count {
      let byte = bytes[i]
      if !atLineStart, !special[Int(byte)] {
        i += 1
        continue
      }
      // The scalar at `i` and its length; a non-ASCII scalar other than a line break is 0.
      var scalar = UInt32(byte)
      var length = 1
      if byte >= 0x80 {
        length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
        scalar = 0
        if byte == 0xC2, i + 1 < bytes.count, bytes[i + 1] == 0x85 {
          scalar = 0x85
        } else if byte == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80,
          bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9
        {
          scalar = bytes[i + 2] == 0xA8 ? 0x2028 : 0x2029
        }
      }
      // Line breaks as YAML (and SourceFile) count them; CR LF is one.
      if scalar == 0x0A, i > 0, bytes[i - 1] == 0x0D {
        i += 1
        lineStart = i
        continue
      }
      if scalar == 0x0A || scalar == 0x0D || scalar == 0x85 || scalar == 0x2028
        || scalar == 0x2029
      {
        if atLineStart, indent / 2 > depthLimit { return location(i) }
        line += 1
        i += length
        lineStart = i
        atLineStart = true
        indent = 0
        comment = false
        continue
      }
      defer { i += length }
      if comment { continue }
      if let q = quote {
        if scalar == UInt32(q) { quote = nil }
        continue
      }
      if atLineStart {
        // ' ', '-', '?' and tab
        if scalar == 0x20 || scalar == 0x2D || scalar == 0x3F || scalar == 0x09 {
          indent += 1
          continue
        }
        atLineStart = false
        // Point at what the too-deep line holds, not into its indentation.
        if indent / 2 > depthLimit { return location(i) }
      }
      switch byte {
      case UInt8(ascii: "#"): comment = true
      case UInt8(ascii: "\""), UInt8(ascii: "'"): if flow > 0 { quote = byte }
      case UInt8(ascii: "["), UInt8(ascii: "{"):
        flow += 1
        if flow > depthLimit { return location(i) }
      case UInt8(ascii: "]"), UInt8(ascii: "}"): flow = max(0, flow - 1)
      default: break
      }
    }
    if atLineStart, indent / 2 > depthLimit { return location(bytes.count - 1, plus: 1) }
    return nil
  }
}
