internal import CLibYAML
import RuleDiagnostics

/// Composes one YAML document into a `YNode` tree from the system libyaml's parser events, in one
/// pass: every node keeps the line and column of its event's start mark, a key repeated in a
/// mapping is reported at once (at the repeat, with a note at the first), aliases are expanded
/// against the node budget and the depth limit, and every libyaml error becomes a located
/// diagnostic with libyaml's own words.
///
/// The parser state lives on the stack of this call: libyaml's parser is iterative (no recursion
/// on nesting), and so is this composer (an explicit stack of open collections).
struct YAMLComposer {
  let file: SourceFile
  /// Nodes still allowed (aliases count every node they repeat).
  var budget: Int
  /// The budget given, for messages.
  let limit: Int
  let depthLimit: Int
  /// Whether an alias was expanded so far.
  var expandedAliases = false

  init(file: SourceFile, budget: Int, depthLimit: Int) {
    self.limit = budget
    self.file = file
    self.budget = budget
    self.depthLimit = depthLimit
  }

  /// A collection being composed.
  private struct Open {
    var location: SourceLocation
    var anchor: String?
    /// Nodes in this collection so far, itself included (for anchors).
    var size = 1
    /// Levels below this collection so far (for anchors).
    var height = 0
    var items: [YNode] = []
    var isMapping: Bool
    /// For mappings: the scalar keys so far and where each was written, in a list while there
    /// are few (compared directly, without hashing), then in a dictionary.
    var keyNames: [Key] = []
    var keyLocations: [SourceLocation] = []
    var keys: [Key: SourceLocation] = [:]
  }

  /// A mapping key, compared as YAML compares keys: by its bytes (no Unicode normalisation), with
  /// a fingerprint (its length and first seven bytes) that settles most comparisons at once.
  struct Key: Hashable {
    let text: String
    let fingerprint: UInt64

    init(_ text: String) {
      var bytes = text
      self.fingerprint = bytes.withUTF8 { utf8 in
        var fingerprint = UInt64(truncatingIfNeeded: utf8.count) << 56
        for k in 0..<min(7, utf8.count) {
          fingerprint |= UInt64(utf8[k]) << UInt64(8 * k)
        }
        return fingerprint
      }
      self.text = text
    }

    static func == (a: Key, b: Key) -> Bool {
      a.fingerprint == b.fingerprint && a.text.utf8.elementsEqual(b.text.utf8)
    }

    func hash(into hasher: inout Hasher) {
      hasher.combine(fingerprint)
      for byte in text.utf8.dropFirst(7) { hasher.combine(byte) }
    }
  }

  /// An anchored node, with what repeating it costs.
  private struct Anchored {
    var node: YNode
    var size: Int
    var height: Int
  }

  /// Why composing stopped early.
  private enum Stop: Error {
    case diagnostic(Diagnostic)
  }

  /// Parses the file. Returns nil (with one diagnostic) when it is not one usable YAML document.
  mutating func compose() -> (YNode?, [Diagnostic]) {
    var text = file.text
    return text.withUTF8 { bytes in
      var parser = yaml_parser_t()
      guard yaml_parser_initialize(&parser) == 1 else {
        return (nil, [SyntaxCatalogue.yamlSyntax("out of memory", at: start)])
      }
      defer { yaml_parser_delete(&parser) }
      yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
      if let base = bytes.baseAddress {
        yaml_parser_set_input_string(&parser, base, bytes.count)
      } else {
        return (nil, [SyntaxCatalogue.emptyFile(at: start)])
      }
      do throws(Stop) {
        guard let root = try events(&parser) else {
          return (nil, [SyntaxCatalogue.emptyFile(at: start)])
        }
        return (root, [])
      } catch {
        switch error {
        case .diagnostic(let diagnostic): return (nil, [diagnostic])
        }
      }
    }
  }

  private var start: SourceLocation { SourceLocation(file: file.path, line: 1, column: 1) }

  private func location(_ mark: yaml_mark_t) -> SourceLocation {
    SourceLocation(file: file.path, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
  }

  /// Reads every event of the stream; returns the document's root, or nil for a stream without
  /// a document.
  private mutating func events(_ parser: inout yaml_parser_t) throws(Stop) -> YNode? {
    var stack: [Open] = []
    var anchors: [String: Anchored] = [:]
    var root: YNode?
    var documents = 0
    var event = yaml_event_t()
    while true {
      guard yaml_parser_parse(&parser, &event) == 1 else { throw .diagnostic(error(parser)) }
      defer { yaml_event_delete(&event) }
      let at = location(event.start_mark)
      switch event.type {
      case YAML_STREAM_END_EVENT:
        return root
      case YAML_DOCUMENT_START_EVENT:
        documents += 1
        if documents > 1 {
          throw .diagnostic(
            SyntaxCatalogue.yamlSyntax(
              "expected a single document in the stream: but found another document", at: at))
        }
      case YAML_SCALAR_EVENT:
        let scalar = event.data.scalar
        let value = String(
          decoding: UnsafeBufferPointer(start: scalar.value, count: Int(scalar.length)),
          as: UTF8.self)
        let style: YNode.Style
        switch scalar.style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE, YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .quoted
        case YAML_LITERAL_SCALAR_STYLE, YAML_FOLDED_SCALAR_STYLE: style = .block
        default: style = .plain
        }
        let node = YNode(kind: .scalar(value, style), location: at)
        try count(1, height: 0, depth: stack.count, at: at)
        if let anchor = name(scalar.anchor) {
          anchors[anchor] = Anchored(node: node, size: 1, height: 0)
        }
        try add(node, size: 1, height: 0, to: &stack, root: &root)
      case YAML_ALIAS_EVENT:
        guard let anchor = name(event.data.alias.anchor), let anchored = anchors[anchor] else {
          throw .diagnostic(SyntaxCatalogue.yamlSyntax("found undefined alias", at: at))
        }
        expandedAliases = true
        try count(anchored.size, height: anchored.height, depth: stack.count, at: at)
        try add(
          anchored.node, size: anchored.size, height: anchored.height, to: &stack, root: &root)
      case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
        try count(1, height: 0, depth: stack.count, at: at)
        let isMapping = event.type == YAML_MAPPING_START_EVENT
        let anchor =
          isMapping ? name(event.data.mapping_start.anchor) : name(event.data.sequence_start.anchor)
        stack.append(Open(location: at, anchor: anchor, isMapping: isMapping))
      case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
        guard let open = stack.popLast() else { break }
        let node: YNode
        if open.isMapping {
          var pairs: [(key: YNode, value: YNode)] = []
          pairs.reserveCapacity(open.items.count / 2)
          var index = 0
          while index + 1 < open.items.count {
            pairs.append((open.items[index], open.items[index + 1]))
            index += 2
          }
          node = YNode(kind: .mapping(pairs), location: open.location)
        } else {
          node = YNode(kind: .sequence(open.items), location: open.location)
        }
        if let anchor = open.anchor {
          anchors[anchor] = Anchored(node: node, size: open.size, height: open.height)
        }
        try add(node, size: open.size, height: open.height, to: &stack, root: &root)
      default:
        break  // stream start, document end: nothing to compose
      }
    }
  }

  /// Spends `size` nodes of the budget on a node `height` levels tall at `depth`.
  private mutating func count(_ size: Int, height: Int, depth: Int, at: SourceLocation)
    throws(Stop)
  {
    budget -= size
    if budget < 0 {
      // Composing stops at the first value over: a huge file costs no more than the budget.
      // Without aliases the file itself writes too many values, and this one is where it passes
      // the limit; with them, the repeats are to blame, wherever they are.
      throw .diagnostic(
        expandedAliases
          ? SyntaxCatalogue.tooLarge(limit: limit, at: start)
          : SyntaxCatalogue.tooManyValues(limit: limit, at: at))
    }
    if depth + height > depthLimit {
      throw .diagnostic(SyntaxCatalogue.tooDeep(limit: depthLimit, at: at))
    }
  }

  /// Adds a finished node to the collection open above it (checking a mapping's keys), or makes
  /// it the root.
  private func add(
    _ node: YNode, size: Int, height: Int, to stack: inout [Open], root: inout YNode?
  ) throws(Stop) {
    guard !stack.isEmpty else {
      root = node
      return
    }
    let top = stack.count - 1
    stack[top].size += size
    stack[top].height = max(stack[top].height, height + 1)
    if stack[top].isMapping, stack[top].items.count % 2 == 0, case .scalar(let key, _) = node.kind {
      if let first = firstLocation(of: key, at: node.location, in: &stack[top]) {
        throw .diagnostic(SyntaxCatalogue.duplicateKey(key, at: node.location, first: first))
      }
    }
    stack[top].items.append(node)
  }

  /// Where `key` was first written in the mapping `open`, if it was; else notes it as written at
  /// `location`.
  private func firstLocation(
    of key: String, at location: SourceLocation, in open: inout Open
  ) -> SourceLocation? {
    let smallMapping = 16
    let key = Key(key)
    if open.keys.isEmpty {
      if let index = open.keyNames.firstIndex(of: key) { return open.keyLocations[index] }
      if open.keyNames.count < smallMapping {
        open.keyNames.append(key)
        open.keyLocations.append(location)
        return nil
      }
      for (name, written) in zip(open.keyNames, open.keyLocations) { open.keys[name] = written }
    }
    if let first = open.keys[key] { return first }
    open.keys[key] = location
    return nil
  }

  /// An anchor's name.
  private func name(_ anchor: UnsafeMutablePointer<yaml_char_t>?) -> String? {
    anchor.map { String(cString: $0) }
  }

  /// The diagnostic for the parser's error, in libyaml's words, at libyaml's mark.
  private func error(_ parser: yaml_parser_t) -> Diagnostic {
    let problem = parser.problem.map { String(cString: $0) } ?? "unknown error"
    switch parser.error {
    case YAML_READER_ERROR:
      return SyntaxCatalogue.notUTF8(problem, at: location(ofByte: Int(parser.problem_offset)))
    case YAML_SCANNER_ERROR, YAML_PARSER_ERROR, YAML_COMPOSER_ERROR:
      let context = parser.context.map { String(cString: $0) } ?? ""
      let text = context.isEmpty ? problem : "\(context): \(problem)"
      return SyntaxCatalogue.yamlSyntax(text, at: location(parser.problem_mark))
    case YAML_MEMORY_ERROR:
      return SyntaxCatalogue.yamlSyntax("out of memory", at: start)
    default:
      return SyntaxCatalogue.yamlSyntax(problem, at: location(parser.problem_mark))
    }
  }

  /// The line and column of a byte offset in the file's UTF-8 text (reader errors give offsets).
  private func location(ofByte offset: Int) -> SourceLocation {
    var line = 1
    var column = 1
    var index = 0
    var previous: Unicode.Scalar = " "
    for scalar in file.text.unicodeScalars {
      if index >= offset { break }
      index += scalar.utf8.count
      if scalar == "\n" && previous == "\r" {
        previous = scalar
        continue
      }
      if scalar == "\n" || scalar == "\r" {
        line += 1
        column = 1
      } else {
        column += 1
      }
      previous = scalar
    }
    return SourceLocation(file: file.path, line: line, column: column)
  }
}
