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
    if file.text.utf8.contains(0) {
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
    mayNestDeeply(file) && (file.text.utf8.contains(0) || deepNesting(in: file) != nil)
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
    var line = 1
    var column = 0
    var flow = 0
    var quote: Unicode.Scalar?
    var atLineStart = true
    var indent = 0
    var comment = false
    var previous: Unicode.Scalar = " "
    for scalar in file.text.unicodeScalars {
      defer { previous = scalar }
      // Line breaks as YAML (and SourceFile) count them; CR LF is one.
      if scalar == "\n" && previous == "\r" { continue }
      column += 1
      if scalar == "\n" || scalar == "\r" || scalar == "\u{85}" || scalar == "\u{2028}"
        || scalar == "\u{2029}"
      {
        if atLineStart, indent / 2 > depthLimit {
          return SourceLocation(file: file.path, line: line, column: column)
        }
        line += 1
        column = 0
        atLineStart = true
        indent = 0
        comment = false
        if quote == "'" || quote == "\"" { continue }
        continue
      }
      if comment { continue }
      if let q = quote {
        if scalar == q { quote = nil }
        continue
      }
      if atLineStart {
        if scalar == " " || scalar == "-" || scalar == "?" || scalar == "\t" {
          indent += 1
          continue
        }
        atLineStart = false
        // Point at what the too-deep line holds, not into its indentation.
        if indent / 2 > depthLimit {
          return SourceLocation(file: file.path, line: line, column: column)
        }
      }
      switch scalar {
      case "#": comment = true
      case "\"", "'": if flow > 0 { quote = scalar }
      case "[", "{":
        flow += 1
        if flow > depthLimit { return SourceLocation(file: file.path, line: line, column: column) }
      case "]", "}": flow = max(0, flow - 1)
      default: break
      }
    }
    if atLineStart, indent / 2 > depthLimit {
      return SourceLocation(file: file.path, line: line, column: column + 1)
    }
    return nil
  }
}
