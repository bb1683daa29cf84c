import RuleDiagnostics
import RuleSyntax
import Testing

/// The YAML reader over the system libyaml: what it builds from good input (located nodes, styles,
/// aliases) and how it refuses what the loader's other tests do not reach.
@Suite("YAML reader")
struct YAMLReaderTests {
  static func read(_ text: String) -> (YNode?, [Diagnostic]) {
    YAMLReader.read(SourceFile(path: "f.yaml", text: text))
  }

  static func at(_ line: Int, _ column: Int) -> RuleDiagnostics.SourceLocation {
    RuleDiagnostics.SourceLocation(file: "f.yaml", line: line, column: column)
  }

  @Test("every node is located at its first character, columns counted in characters")
  func nodesAreLocated() throws {
    let (root, diagnostics) = Self.read("a: 1\n\"é\": [x, 'y']\nlist:\n  - é: |\n      text\n")
    #expect(diagnostics.isEmpty)
    let pairs = try #require(root?.mapping)
    #expect(root?.location == Self.at(1, 1))
    #expect(pairs.map(\.key.scalar) == ["a", "é", "list"])
    #expect(pairs.map(\.key.location) == [Self.at(1, 1), Self.at(2, 1), Self.at(3, 1)])
    #expect(pairs[1].value.location == Self.at(2, 6))
    let flow = try #require(pairs[1].value.sequence)
    #expect(flow.map(\.location) == [Self.at(2, 7), Self.at(2, 10)])
    let item = try #require(pairs[2].value.sequence?.first?.mapping?.first)
    #expect(item.key.location == Self.at(4, 5))
    #expect(item.value.scalar == "text\n")
  }

  @Test("plain, quoted and block scalars keep their style; null is a plain empty or null word")
  func stylesAndNull() throws {
    let (root, _) = Self.read("a: x\nb: 'x'\nc: \"x\"\nd: >\n  x\ne: ~\nf:\ng: 'null'\n")
    let values = try #require(root?.mapping).map(\.value)
    let styles: [YNode.Style] = values.map {
      if case .scalar(_, let style) = $0.kind { return style }
      return .plain
    }
    #expect(styles == [.plain, .quoted, .quoted, .block, .plain, .plain, .quoted])
    #expect(values.map(\.isNull) == [false, false, false, false, true, true, false])
  }

  @Test("an alias repeats the anchored node, where the anchor wrote it")
  func aliasesRepeatTheAnchoredNode() throws {
    let (root, diagnostics) = Self.read("a: &v [1, 2]\nb: *v\nc: &s word\nd: *s\n")
    #expect(diagnostics.isEmpty)
    let values = try #require(root?.mapping).map(\.value)
    #expect(values[1].sequence?.map(\.scalar) == ["1", "2"])
    #expect(values[1].location == Self.at(1, 4))
    #expect(values[3].scalar == "word")
  }

  @Test("an alias that would nest past the limit is too deep, at the alias")
  func aliasPastTheDepthLimit() {
    // 100 levels anchored, repeated 100 levels down: 200 in all.
    let deep = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
    let text =
      "a: &d " + deep + "\nb: " + String(repeating: "[", count: 100) + "*d"
      + String(repeating: "]", count: 100) + "\n"
    let (root, diagnostics) = Self.read(text)
    #expect(root == nil)
    #expect(diagnostics.map(\.code) == [.tooDeep])
    #expect(diagnostics.first?.location == Self.at(2, 104))
  }

  @Test(
    "a repeated key is found in a small mapping and in a large one",
    arguments: [3, 15, 16, 17, 40])
  func repeatedKeyInMappingsOfEverySize(keys: Int) {
    let lines = (0..<keys).map { "k\($0): \($0)\n" }.joined()
    let (root, diagnostics) = Self.read(lines + "k1: again\n")
    #expect(root == nil)
    #expect(diagnostics.map(\.code) == [.duplicateKey])
    #expect(diagnostics.first?.location == Self.at(keys + 1, 1))
    #expect(diagnostics.first?.notes.first?.location == Self.at(2, 1))
    #expect(Self.read(lines + "k\(keys): new\n").1.isEmpty)
  }

  @Test("keys are compared by their bytes, as YAML compares them")
  func keysComparedByBytes() {
    // "é" written precomposed and decomposed: two keys to YAML, however alike they look.
    #expect(Self.read("\u{E9}: 1\ne\u{301}: 2\n").1.isEmpty)
    let many = (0..<20).map { "k\($0): \($0)\n" }.joined()
    #expect(Self.read(many + "\u{E9}: 1\ne\u{301}: 2\n").1.isEmpty)
    #expect(
      Self.read(many + "longer-key-name: 1\nlonger-key-name: 2\n").1.map(\.code) == [.duplicateKey])
  }

  @Test("a second document is refused at its start")
  func secondDocument() {
    let (root, diagnostics) = Self.read("a: 1\n---\nb: 2\n")
    #expect(root == nil)
    #expect(diagnostics.map(\.code) == [.yamlSyntax])
    #expect(
      diagnostics.first?.message
        == "invalid YAML: expected a single document in the stream: but found another document")
    #expect(diagnostics.first?.location == Self.at(2, 1))
  }

  @Test("a control character after multi-byte text is located in characters, not bytes")
  func readerErrorAfterMultiByteText() {
    let (_, diagnostics) = Self.read("a: 1\nnotes: éé\u{7}\n")
    #expect(diagnostics.map(\.code) == [.notUtf8])
    #expect(diagnostics.first?.location == Self.at(2, 10))
  }

  @Test("a document of comments and a bare document marker")
  func emptyDocuments() {
    #expect(Self.read("# only a comment\n").1.map(\.code) == [.emptyFile])
    let (root, diagnostics) = Self.read("---\n")
    #expect(diagnostics.isEmpty)
    #expect(root?.isNull == true)
  }
}
