internal import Yams
package import RuleDiagnostics

/// Reads YAML text into `YNode`s, turning every YAML problem into a located diagnostic.
package enum YAMLReader {
  /// The most nodes one file may expand to (after aliases).
  package static let nodeBudget = 200_000
  /// The deepest nesting accepted.
  package static let depthLimit = 128

  /// Parses one file. Returns nil (with diagnostics) when the file is not usable YAML.
  package static func read(_ file: SourceFile) -> (YNode?, [Diagnostic]) {
    let start = SourceLocation(file: file.path, line: 1, column: 1)
    if file.text.unicodeScalars.contains("\0") {
      return (nil, [SyntaxCatalogue.binaryFile(at: start)])
    }
    if file.text.allSatisfy({ $0.isWhitespace }) {
      return (nil, [SyntaxCatalogue.emptyFile(at: start)])
    }
    if let deep = deepNesting(in: file) {
      return (nil, [SyntaxCatalogue.tooDeep(limit: depthLimit, at: deep)])
    }
    // Composing a huge document costs seconds and gigabytes before any check could run: a cheap
    // count of the values that the text itself writes rejects it first, where the limit is passed.
    if let crowded = valueCount(in: file, above: nodeBudget) {
      return (nil, [SyntaxCatalogue.tooManyValues(limit: nodeBudget, at: crowded)])
    }
    let root: Node?
    do {
      let parser = try Parser(yaml: file.text, resolver: .basic, encoding: .utf8)
      root = try parser.singleRoot()
    } catch let error as YamlError {
      return (nil, [diagnostic(for: error, in: file)])
    } catch {
      return (nil, [SyntaxCatalogue.yamlSyntax("\(error)", at: start)])
    }
    guard let root else { return (nil, [SyntaxCatalogue.emptyFile(at: start)]) }
    var converter = Converter(file: file.path, budget: nodeBudget)
    let node = converter.convert(root, depth: 0)
    if converter.budget < 0 {
      // Only aliases can make the document larger than the text's own count.
      return (nil, [SyntaxCatalogue.tooLarge(limit: nodeBudget, at: start)])
    }
    if let deep = converter.tooDeep {
      return (nil, [SyntaxCatalogue.tooDeep(limit: depthLimit, at: deep)])
    }
    return (node, [])
  }

  private struct Converter {
    let file: String
    var budget: Int
    /// The first node nested deeper than the limit (which the text scan can miss, for example
    /// with one-space indentation).
    var tooDeep: SourceLocation?

    mutating func convert(_ node: Node, depth: Int) -> YNode {
      budget -= 1
      let mark = node.mark
      let location = SourceLocation(
        file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
      guard budget >= 0, depth <= YAMLReader.depthLimit else {
        if budget >= 0, tooDeep == nil { tooDeep = location }
        return YNode(kind: .scalar("", .plain), location: location)
      }
      switch node {
      case .scalar(let scalar):
        let style: YNode.Style
        switch scalar.style {
        case .singleQuoted, .doubleQuoted: style = .quoted
        case .literal, .folded: style = .block
        default: style = .plain
        }
        return YNode(kind: .scalar(scalar.string, style), location: location)
      case .sequence(let sequence):
        var items: [YNode] = []
        for item in sequence {
          items.append(convert(item, depth: depth + 1))
          if budget < 0 { break }
        }
        return YNode(kind: .sequence(items), location: location)
      case .mapping(let mapping):
        var pairs: [(key: YNode, value: YNode)] = []
        for (key, value) in mapping {
          let k = convert(key, depth: depth + 1)
          let v = convert(value, depth: depth + 1)
          pairs.append((k, v))
          if budget < 0 { break }
        }
        return YNode(kind: .mapping(pairs), location: location)
      case .alias:
        return YNode(kind: .scalar("", .plain), location: location)
      }
    }
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

  private static func diagnostic(for error: YamlError, in file: SourceFile) -> Diagnostic {
    func at(_ mark: Mark?) -> SourceLocation {
      SourceLocation(file: file.path, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }
    switch error {
    case .scanner(let context, let problem, let mark, _),
      .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      let text = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }
        .joined(separator: ": ")
      return SyntaxCatalogue.yamlSyntax(text, at: at(mark))
    case .reader(let problem, let offset, _, _):
      return SyntaxCatalogue.notUTF8(problem, at: location(ofCharacter: offset, in: file))
    case .duplicatedKeysInMapping(let duplicates, let context):
      let key = duplicates.first ?? ""
      let first = at(context.mark)
      let second = secondOccurrence(of: key, after: first, in: file) ?? first
      return SyntaxCatalogue.duplicateKey(key, at: second, first: first)
    default:
      return SyntaxCatalogue.yamlSyntax("\(error)", at: at(nil))
    }
  }

  /// The location of a `Character` offset (as Yams reports reader errors) in the file.
  private static func location(ofCharacter offset: Int?, in file: SourceFile) -> SourceLocation {
    var location = SourceLocation(file: file.path, line: 1, column: 1)
    guard let offset,
      let index = file.text.index(
        file.text.startIndex, offsetBy: offset, limitedBy: file.text.endIndex)
    else { return location }
    for scalar in file.text.unicodeScalars[..<index] {
      if scalar == "\n" {
        location.line += 1
        location.column = 1
      } else {
        location.column += 1
      }
    }
    return location
  }

  /// Finds the repeat of a key after its first occurrence: later in the same flow mapping
  /// (`{a: 1, a: 2}`), or at the same column of a later line of a block mapping.
  private static func secondOccurrence(
    of key: String, after first: SourceLocation, in file: SourceFile
  ) -> SourceLocation? {
    let firstLine = Array(file.line(first.line).unicodeScalars)
    let keyScalars = Array(key.unicodeScalars)
    var index = first.column - 1 + keyScalars.count
    var depth = 0
    while index < firstLine.count {
      defer { index += 1 }
      switch firstLine[index] {
      case "{", "[": depth += 1
      case "}", "]": depth -= 1
      default: break
      }
      if depth < 0 { return nil }  // the flow mapping ended without a repeat on this line
      guard firstLine[index] == ",", depth == 0 else { continue }
      var start = index + 1
      while start < firstLine.count, firstLine[start] == " " { start += 1 }
      var end = start + keyScalars.count
      guard end <= firstLine.count, Array(firstLine[start..<end]) == keyScalars else { continue }
      while end < firstLine.count, firstLine[end] == " " { end += 1 }
      if end < firstLine.count, firstLine[end] == ":" {
        return SourceLocation(file: file.path, line: first.line, column: start + 1)
      }
    }
    guard first.line < file.lineStarts.count else { return nil }
    for number in (first.line + 1)...file.lineStarts.count {
      let text = Array(file.line(number).unicodeScalars)
      // A line indented less than the key has left its mapping.
      if let content = text.firstIndex(where: { $0 != " " }), content < first.column - 1,
        text[content] != "#"
      {
        return nil
      }
      guard text.count >= first.column else { continue }
      let rest = String(String.UnicodeScalarView(text[(first.column - 1)...]))
      let lead = String(String.UnicodeScalarView(text[..<(first.column - 1)]))
      let indentOK = lead.unicodeScalars.allSatisfy { $0 == " " || $0 == "-" }
      if indentOK && (rest.hasPrefix(key + ":") || rest.hasPrefix("\"\(key)\":")) {
        return SourceLocation(file: file.path, line: number, column: first.column)
      }
    }
    return nil
  }
}
