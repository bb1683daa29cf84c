package import RuleDiagnostics

/// Reads YAML text into `YNode`s, turning every YAML problem into a located diagnostic. Cheap scans
/// of the text refuse what would be too costly to parse (too deep, too many values); the system
/// libyaml parses the rest (see `YAMLComposer`).
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
    // Composing a huge document costs seconds and gigabytes before any check could run: a cheap
    // count of the values that the text itself writes rejects it first, where the limit is passed.
    // Every value the scan counts takes at least one byte: a file of no more bytes than the
    // budget cannot pass it, and needs no scan.
    if file.text.utf8.count > nodeBudget, let crowded = valueCount(in: file, above: nodeBudget) {
      return (nil, [SyntaxCatalogue.tooManyValues(limit: nodeBudget, at: crowded)])
    }
    var composer = YAMLComposer(file: file, budget: nodeBudget, depthLimit: depthLimit)
    return composer.compose()
  }

  /// Where the text writes more than `limit` values: list items (`- `), keys (`key: `) and flow
  /// items (`,`), outside comments, quoted text and block scalars. Each is at least one node, so
  /// this never rejects a document that composes to fewer nodes.
  private static func valueCount(in file: SourceFile, above limit: Int) -> SourceLocation? {
    let scalars = Array(file.text.utf8)
    var count = 0
    var line = 1
    var lineStart = 0
    var i = 0
    var flow = 0
    var blockIndent: Int?  // inside a block scalar: lines indented more than this are its text
    while i < scalars.count {
      // At the start of a line: measure the indentation.
      var indent = 0
      while i + indent < scalars.count, scalars[i + indent] == UInt8(ascii: " ") { indent += 1 }
      let contentStart = i + indent
      if let parent = blockIndent {
        let blank =
          contentStart >= scalars.count || scalars[contentStart] == UInt8(ascii: "\n")
          || scalars[contentStart] == UInt8(ascii: "\r")
        if blank || indent > parent {
          while i < scalars.count, scalars[i] != UInt8(ascii: "\n"),
            scalars[i] != UInt8(ascii: "\r")
          {
            i += 1
          }
          if i + 1 < scalars.count, scalars[i] == UInt8(ascii: "\r"),
            scalars[i + 1] == UInt8(ascii: "\n")
          {
            i += 1
          }
          i += 1
          line += 1
          lineStart = i
          continue
        }
        blockIndent = nil
      }
      var j = contentStart
      var quote: UInt8?
      var previous = UInt8(ascii: " ")
      var prefix = true  // still in the line's indentation and `- ` indicators
      var contentEnd = contentStart
      while j < scalars.count, scalars[j] != UInt8(ascii: "\n"), scalars[j] != UInt8(ascii: "\r") {
        let c = scalars[j]
        let next = j + 1 < scalars.count ? scalars[j + 1] : UInt8(ascii: "\n")
        if let q = quote {
          if c == q { quote = nil }
        } else if c == UInt8(ascii: "#"),
          previous == UInt8(ascii: " ") || previous == UInt8(ascii: "\t")
        {
          break
        } else {
          var counts = false
          switch c {
          case UInt8(ascii: "'"), UInt8(ascii: "\""):
            if Array(" [{,:-".utf8).contains(previous) { quote = c }
          case UInt8(ascii: "-"):
            counts = prefix && (next == UInt8(ascii: " ") || next == UInt8(ascii: "\n"))
          case UInt8(ascii: ":"):
            counts =
              next == UInt8(ascii: " ") || next == UInt8(ascii: "\n")
              || (flow > 0 && next == UInt8(ascii: ","))
          case UInt8(ascii: ","): counts = flow > 0
          case UInt8(ascii: "["), UInt8(ascii: "{"): flow += 1
          case UInt8(ascii: "]"), UInt8(ascii: "}"): flow = max(0, flow - 1)
          default: break
          }
          if c != UInt8(ascii: " ") && c != UInt8(ascii: "-") { prefix = false }
          if counts {
            count += 1
            if count > limit {
              let column = String(decoding: scalars[lineStart..<j], as: UTF8.self).unicodeScalars
                .count
              return SourceLocation(file: file.path, line: line, column: column + 1)
            }
          }
        }
        if c != UInt8(ascii: " ") { contentEnd = j + 1 }
        previous = c
        j += 1
      }
      // A line ending in `|` or `>` (with indicators) opens a block scalar.
      if flow == 0, quote == nil, contentEnd > contentStart {
        var k = contentEnd - 1
        while k > contentStart,
          scalars[k] == UInt8(ascii: "-") || scalars[k] == UInt8(ascii: "+")
            || (scalars[k] >= UInt8(ascii: "0") && scalars[k] <= UInt8(ascii: "9"))
        {
          k -= 1
        }
        if scalars[k] == UInt8(ascii: "|") || scalars[k] == UInt8(ascii: ">"),
          k == contentStart || scalars[k - 1] == UInt8(ascii: " ")
        {
          blockIndent = indent
        }
      }
      while j < scalars.count, scalars[j] != UInt8(ascii: "\n"), scalars[j] != UInt8(ascii: "\r") {
        j += 1
      }
      i = j + 1
      line += 1
      lineStart = i
    }
    return nil
  }

  /// Whether the text could nest past the depth limit as `deepNesting` sees it: more flow
  /// openers (`[`, `{`) than the limit, or a line whose indentation and indicators (spaces,
  /// tabs, `-`, `?`) are longer than twice the limit. One pass over the bytes, no decoding.
  private static func mayNestDeeply(_ file: SourceFile) -> Bool {
    var text = file.text
    return text.withUTF8 { bytes in
      var openers = 0
      var prefix = 0
      var atLineStart = true
      for byte in bytes {
        switch byte {
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
