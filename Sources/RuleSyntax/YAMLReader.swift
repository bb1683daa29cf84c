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

  /// A cheap scan for nesting so deep that composing it would exhaust the stack.
  private static func deepNesting(in file: SourceFile) -> SourceLocation? {
    var line = 1
    var column = 0
    var flow = 0
    var quote: Unicode.Scalar?
    var atLineStart = true
    var indent = 0
    var comment = false
    for scalar in file.text.unicodeScalars {
      column += 1
      if scalar == "\n" {
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
