import TestSupport
import RuleDiagnostics
import RuleSyntax
import Testing

/// The loader on hostile or broken input: it must answer with a located diagnostic, quickly, and
/// never crash or hang.
@Suite("Loader on bad input")
struct LoaderBadInputTests {
  struct Example: Sendable, CustomTestStringConvertible {
    var marked: String
    var code: String
    var message: String
    var testDescription: String {
      "\(code): \(String(MarkedText(marked).text.prefix(40)).debugDescription)"
    }
  }

  static func loadCase(_ marked: MarkedText) -> [Diagnostic] {
    Loader.loadCase(SourceFile(path: "case.yaml", text: marked.text)).1
  }

  // MARK: Malformed YAML

  static let malformed: [Example] = [
    .init(
      marked: "case: c\nfindings: [1, 2\n1️⃣", code: "yaml-syntax",
      message: "invalid YAML: while parsing a flow sequence: did not find expected ',' or ']'"),
    .init(
      marked: "case: c\nfindings: b1️⃣: c\n", code: "yaml-syntax",
      message: "invalid YAML: mapping values are not allowed in this context"),
    .init(
      marked: "case: c\nfindings:\n  - a\n   b1️⃣: c\n", code: "yaml-syntax",
      message: "invalid YAML: mapping values are not allowed in this context"),
    .init(
      marked: "- a\n1️⃣b: c\n", code: "yaml-syntax",
      message: "invalid YAML: while parsing a block collection: did not find expected '-' indicator"
    ),
    .init(
      marked: "case: \"c\nfindings: {}\n1️⃣", code: "yaml-syntax",
      message: "invalid YAML: while scanning a quoted scalar: found unexpected end of stream"),
    .init(
      marked: "case: c\n1️⃣\tnotes: x\n", code: "yaml-syntax",
      message:
        "invalid YAML: while scanning a plain scalar: found a tab character that violates indentation"
    ),
    .init(
      marked: "case: c\nnotes: 1️⃣@x\n", code: "yaml-syntax",
      message:
        "invalid YAML: while scanning for the next token: found character that cannot start any token"
    ),
    .init(
      marked: "case: c\nnotes: 1️⃣*nowhere\n", code: "yaml-syntax",
      message: "invalid YAML: found undefined alias"),
    .init(
      marked: "case: c\nnotes: ok1️⃣\u{7}\n", code: "not-utf8",
      message: "the file is not readable UTF-8 text: control characters are not allowed"),
    .init(
      marked: "1️⃣case: c\u{0}\n", code: "binary-file",
      message: "the file holds binary data, not YAML text"),
    .init(marked: "1️⃣", code: "empty-file", message: "the file is empty"),
    .init(marked: "1️⃣  \n\n\t\n", code: "empty-file", message: "the file is empty"),
    .init(marked: "1️⃣# nothing but a comment\n", code: "empty-file", message: "the file is empty"),
  ]

  @Test("malformed or unreadable text is one located error", arguments: malformed)
  func malformedTextIsOneLocatedError(example: Example) {
    let marked = MarkedText(example.marked)
    let diagnostics = Self.loadCase(marked)
    #expect(diagnostics.count == 1)
    #expect(diagnostics.first?.code.rawValue == example.code)
    #expect(diagnostics.first?.severity == .error)
    #expect(diagnostics.first?.message == example.message)
    #expect(diagnostics.first?.location == marked.location(file: "case.yaml"))
  }

  // MARK: Shapes

  static let shapes: [Example] = [
    .init(
      marked: "1️⃣just some text\n", code: "wrong-shape",
      message: "a case file must be a mapping, found a scalar"),
    .init(
      marked: "1️⃣- case: c\n", code: "wrong-shape",
      message: "a case file must be a mapping, found a list"),
    .init(
      marked: "case: c\nfindings: 1️⃣[age, 3]\n", code: "wrong-shape",
      message: "'findings' must be a mapping, found a list"),
    .init(
      marked: "case: 1️⃣{id: c}\n", code: "wrong-shape",
      message: "'case' must be text, found a mapping"),
    .init(
      marked: "1️⃣findings: {}\n", code: "missing-key", message: "a case file needs the key 'case'"),
    .init(
      marked: "1️⃣case:\nnotes: x\n", code: "missing-key", message: "a case file needs the key 'case'"
    ),
    .init(
      marked: "case: c\n1️⃣finding: {}\n", code: "unknown-key",
      message: "unknown key 'finding' in a case file"),
  ]

  @Test("a node of the wrong shape is reported where it stands", arguments: shapes)
  func wrongShapeIsLocated(example: Example) {
    let marked = MarkedText(example.marked)
    let diagnostics = Self.loadCase(marked).filter { $0.code.rawValue == example.code }
    #expect(diagnostics.count == 1)
    #expect(diagnostics.first?.severity == .error)
    #expect(diagnostics.first?.message == example.message)
    #expect(diagnostics.first?.location == marked.location(file: "case.yaml"))
  }

  @Test("an unknown key comes with a did-you-mean hint")
  func unknownKeyHasHint() {
    let diagnostics = Self.loadCase(MarkedText("case: c\nfinding: {}\n"))
    #expect(diagnostics.first?.hint == "did you mean 'findings'?")
  }

  @Test("a scalar where a pack file expects a mapping or a list is reported at the scalar")
  func packScalarWhereMappingExpected() {
    let marked = MarkedText("vocabulary: 1️⃣3\nrules: 2️⃣none\n")
    let (_, diagnostics) = Loader.loadPack(
      directory: "p",
      files: [
        SourceFile(path: "p/pack.yaml", text: "pack: p\nversion: 1.0.0\n"),
        SourceFile(path: "p/a.yaml", text: marked.text),
      ])
    #expect(diagnostics.map(\.code.rawValue) == ["wrong-shape", "wrong-shape"])
    #expect(
      diagnostics.map(\.message) == [
        "'vocabulary' must be a mapping, found a scalar", "'rules' must be a list, found a scalar",
      ])
    #expect(
      diagnostics.map(\.location) == [
        marked.location(file: "p/a.yaml"), marked.location("2️⃣", file: "p/a.yaml"),
      ])
  }

  // MARK: Duplicate keys

  static let duplicates: [Example] = [
    .init(
      marked: "case: c\nfindings:\n  2️⃣age: 3\n  1️⃣age: 4\n", code: "duplicate-key",
      message: "duplicate key 'age' in a mapping"),
    .init(
      marked: "2️⃣case: a\nnotes: x\n1️⃣case: b\n", code: "duplicate-key",
      message: "duplicate key 'case' in a mapping"),
    .init(
      marked: "case: c\nfindings: {2️⃣age: 3, 1️⃣age: 4}\n", code: "duplicate-key",
      message: "duplicate key 'age' in a mapping"),
    .init(
      marked: "case: c\nfindings: {ev: {age: 1}, 2️⃣age: 3, sex: f,  1️⃣age: 4}\n",
      code: "duplicate-key",
      message: "duplicate key 'age' in a mapping"),
    .init(
      marked:
        "case: c\nfindings:\n  events:\n    - kind: a\n      who: b\n    - 2️⃣kind: c\n      1️⃣kind: d\n",
      code: "duplicate-key", message: "duplicate key 'kind' in a mapping"),
    .init(
      marked: "case: c\nfindings:\n  2️⃣a: 1\n  b:\n    a: 2\n  1️⃣a: 3\n",
      code: "duplicate-key", message: "duplicate key 'a' in a mapping"),
  ]

  @Test(
    "a duplicate key points at the second occurrence with a note at the first",
    arguments: duplicates)
  func duplicateKeyPointsAtSecondOccurrence(example: Example) {
    let marked = MarkedText(example.marked)
    let diagnostics = Self.loadCase(marked)
    #expect(diagnostics.count == 1)
    let diagnostic = diagnostics.first
    #expect(diagnostic?.code == .duplicateKey)
    #expect(diagnostic?.severity == .error)
    #expect(diagnostic?.message == example.message)
    #expect(diagnostic?.location == marked.location(file: "case.yaml"))
    #expect(diagnostic?.notes.first?.location == marked.location("2️⃣", file: "case.yaml"))
  }

  @Test("a file with a duplicate key is skipped but the other files of the pack still load")
  func duplicateKeyOnlyDropsItsFile() {
    let (pack, diagnostics) = Loader.loadPack(
      directory: "p",
      files: [
        SourceFile(path: "p/pack.yaml", text: "pack: p\nversion: 1.0.0\n"),
        SourceFile(path: "p/a.yaml", text: "constants:\n  x: 1\n  x: 2\n"),
        SourceFile(path: "p/b.yaml", text: "constants:\n  y: 1\n"),
      ])
    #expect(diagnostics.map(\.code.rawValue) == ["duplicate-key"])
    #expect(pack.constants.map(\.name.value) == ["y"])
  }

  // MARK: Size and depth limits

  @Test("an alias bomb is refused quickly as too large")
  func aliasBombIsTooLarge() {
    let names = (0..<10).map { "l\($0)" }
    var text = "case: c\nnotes: x\nl0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    for i in 1..<10 {
      let refs = Array(repeating: "*\(names[i - 1])", count: 10).joined(separator: ", ")
      text += "\(names[i]): &\(names[i]) [\(refs)]\n"
    }
    let clock = ContinuousClock()
    var diagnostics: [Diagnostic] = []
    let elapsed = clock.measure {
      diagnostics = Loader.loadCase(SourceFile(path: "case.yaml", text: text)).1
    }
    #expect(diagnostics.map(\.code.rawValue) == ["too-large"])
    #expect(diagnostics.first?.location == SourceLocation(file: "case.yaml", line: 1, column: 1))
    #expect(diagnostics.first?.severity == .error)
    #expect(elapsed < .seconds(5))
  }

  static func blockNesting(levels: Int, indent: Int, markAt: Int) -> String {
    (0..<levels).map { level in
      String(repeating: " ", count: level * indent) + (level == markAt ? "1️⃣" : "") + "k\(level):\n"
    }.joined()
  }

  static let deep: [(String, String)] = [
    (
      "10,000 nested flow sequences",
      "case: " + String(repeating: "[", count: 128) + "1️⃣" + String(repeating: "[", count: 9872)
    ),
    (
      "10,000 nested flow mappings",
      "case: c\nnotes: " + String(repeating: "{a: ", count: 128) + "1️⃣"
        + String(repeating: "{a: ", count: 9872)
    ),
    (
      "200 block mappings indented by two",
      blockNesting(levels: 200, indent: 2, markAt: 129)
    ),
    (
      "200 block mappings indented by one",
      blockNesting(levels: 200, indent: 1, markAt: 128)
    ),
    (
      "10,000 nested block sequences on one line",
      String(repeating: "- ", count: 10_000) + "1️⃣x\n"
    ),
    (
      "129 flow sequences after a string of two-, three- and four-byte characters",
      "case: c\n# é € 😀\nnotes: [\"é€😀\", " + String(repeating: "[", count: 127) + "1️⃣"
        + String(repeating: "[", count: 10) + String(repeating: "]", count: 138) + "\n"
    ),
    (
      "200 block mappings after a line of two-, three- and four-byte characters",
      "title: é € 😀\n" + blockNesting(levels: 200, indent: 2, markAt: 129)
    ),
    (
      "100 block mappings, then 100 flow sequences",
      blockNesting(levels: 99, indent: 2, markAt: -1) + String(repeating: " ", count: 198) + "k99: "
        + String(repeating: "[", count: 29) + "1️⃣" + String(repeating: "[", count: 71) + "1"
        + String(repeating: "]", count: 100) + "\n"
    ),
  ]

  @Test("nesting deeper than 128 levels is refused without crashing", arguments: deep)
  func deepNestingIsTooDeep(name: String, marked text: String) {
    let marked = MarkedText(text)
    let diagnostics = Self.loadCase(marked)
    #expect(diagnostics.map(\.code.rawValue) == ["too-deep"])
    #expect(diagnostics.first?.severity == .error)
    #expect(diagnostics.first?.message == "the YAML is nested more than 128 levels deep")
    #expect(diagnostics.first?.location == marked.location(file: "case.yaml"))
  }

  @Test("brackets in comments and in quoted strings do not count as nesting")
  func bracketsInCommentsAndStringsAreNotNesting() {
    let text =
      "case: c\n# " + String(repeating: "[é", count: 200) + "\nnotes: [\""
      + String(repeating: "[€", count: 200) + "\"]\n"
    let diagnostics = Self.loadCase(MarkedText(text))
    #expect(!diagnostics.contains { $0.code == .tooDeep })
  }

  @Test("nesting up to the limit is accepted")
  func nestingAtTheLimitLoads() {
    let text =
      "case: c\nnotes: " + String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
      + "\n"
    let diagnostics = Self.loadCase(MarkedText(text))
    #expect(!diagnostics.contains { $0.code == .tooDeep })
  }
}
