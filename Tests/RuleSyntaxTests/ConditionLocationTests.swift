import TestSupport
import RuleDiagnostics
import RuleSyntax
import Testing

/// Positions inside a condition string are mapped back to the file, whatever the YAML scalar
/// style: plain, quoted (with escapes), multi-line plain, folded and literal blocks.
@Suite("Condition locations")
struct ConditionLocationTests {
  static func load(_ rules: MarkedText) -> (PackSyntax, [Diagnostic]) {
    Loader.loadPack(
      directory: "p",
      files: [
        SourceFile(path: "p/pack.yaml", text: "pack: p\nversion: 1.0.0\n"),
        SourceFile(path: "p/rules.yaml", text: rules.text),
      ])
  }

  static func expressions(in condition: ConditionSyntax) -> [Expression] {
    switch condition {
    case .expression(let text): text.expression.map { [$0] } ?? []
    case .all(let items, _), .any(let items, _): items.flatMap(expressions(in:))
    case .not(let inner, _): expressions(in: inner)
    }
  }

  static func find(_ name: String, in e: Expression) -> Expression? {
    if e.path == [name] { return e }
    return ExpressionParserTests.children(e).lazy.compactMap { find(name, in: $0) }.first
  }

  static func rule(_ when: String) -> String {
    "rules:\n  - id: r\n    title: r\n    then: {suggest: {focus: a}}\n" + when
  }

  static let styles: [(String, String)] = [
    ("plain", rule("    when: phq9 >= 10 and 1️⃣target\n")),
    ("plain, extra spaces after the key", rule("    when:     phq9 >= 10 and 1️⃣target\n")),
    ("double-quoted", rule("    when: \"phq9 >= 10 and 1️⃣target\"\n")),
    ("double-quoted with escaped quotes", rule("    when: \"x == \\\"a\\\" and 1️⃣target\"\n")),
    (
      "double-quoted with an escaped backslash",
      rule("    when: \"name == \\\"x\\\\y\\\" and 1️⃣target\"\n")
    ),
    ("double-quoted with a \\t escape", rule("    when: \"x == 1 and\\t1️⃣target\"\n")),
    (
      "double-quoted with a \\u escape",
      rule("    when: \"name == \\\"Zo\\u00eb\\\" and 1️⃣target\"\n")
    ),
    ("single-quoted", rule("    when: 'phq9 >= 10 and 1️⃣target'\n")),
    (
      "single-quoted with doubled quotes",
      rule("    when: 'x == ''a'' and ''b'' != x and 1️⃣target'\n")
    ),
    ("non-ASCII text before the name", rule("    when: 'name == \"Zoë Ångström\" and 1️⃣target'\n")),
    ("plain, non-ASCII text before the name", rule("    when: name == \"Zoë Å\" and 1️⃣target\n")),
    ("plain, four-byte characters before the name", rule("    when: x == \"😀😀\" and 1️⃣target\n")),
    ("list item", rule("    when:\n      - phq9 >= 10\n      - age < 18 and 1️⃣target\n")),
    ("flow list item", rule("    when: [phq9 >= 10, 1️⃣target]\n")),
    ("nested any", rule("    when:\n      - any: [a, \"b or 1️⃣target\"]\n")),
    ("nested not", rule("    when:\n      - not: {all: [a, 1️⃣target]}\n")),
    (
      "multi-line plain, second line",
      rule("    when:\n      - phq9 >= 10 and\n        age < 18 and 1️⃣target\n")
    ),
    (
      "multi-line plain, second line less indented",
      rule("    when: phq9 >= 10 and\n      1️⃣target\n")
    ),
    (
      "multi-line plain with a blank line",
      rule("    when:\n      - phq9 >= 10 and\n\n        1️⃣target\n")
    ),
    (
      "multi-line double-quoted",
      rule("    when: \"phq9 >= 10 and\n      age < 18 and 1️⃣target\"\n")
    ),
    (
      "multi-line single-quoted",
      rule("    when: 'phq9 >= 10\n      and 1️⃣target'\n")
    ),
    (
      "folded block",
      rule("    when: >\n      phq9 >= 10\n      and age < 18\n      and 1️⃣target\n")
    ),
    (
      "literal block",
      rule("    when: |\n      phq9 >= 10 and\n        1️⃣target\n")
    ),
    (
      "folded block, strip chomping, on the first line",
      rule("    when: >-\n      1️⃣target and x\n")
    ),
  ]

  @Test("a name inside a condition is located at its character in the file", arguments: styles)
  func nameIsLocatedInTheFile(style: String, marked text: String) throws {
    let marked = MarkedText(text)
    let (pack, diagnostics) = Self.load(marked)
    #expect(diagnostics.isEmpty, "\(diagnostics.map { "\($0.location) \($0.message)" })")
    let rule = try #require(pack.rules.first)
    let target = try #require(
      rule.when.flatMap(Self.expressions(in:)).lazy.compactMap { Self.find("target", in: $0) }.first
    )
    #expect(target.location == marked.location(file: "p/rules.yaml"))
  }

  static let sources: [String] = [
    "phq9 >= 10 and target",
    "name == \"Zoë Ångström\" and target",
    "x == \"😀\" and (target or y)",
  ]

  @Test("a sub-expression's source is its text as written, ASCII or not", arguments: sources)
  func subExpressionSourceIsItsText(text: String) throws {
    let start = SourceLocation(file: "f", line: 1, column: 1)
    let (parsed, diagnostics) = ExpressionParser.parse(text) { start.advanced(by: $0) }
    #expect(diagnostics.isEmpty)
    let expression = try #require(parsed)
    let condition = ConditionText(text: Located(text, at: start), expression: expression)
    #expect(condition.source(of: expression) == text)
    let target = try #require(Self.find("target", in: expression))
    #expect(condition.source(of: target) == "target")
    for child in ExpressionParserTests.children(expression) {
      #expect(text.contains(condition.source(of: child)))
    }
  }

  static let errors: [(String, String)] = [
    ("plain", rule("    when: phq9 >= 10 and 1️⃣= 2\n")),
    ("double-quoted", rule("    when: \"phq9 >= 1️⃣&& 2\"\n")),
    ("multi-line plain", rule("    when:\n      - phq9 >= 10 and\n        age < 18 1️⃣= 2\n")),
    ("multi-line double-quoted", rule("    when: \"a and\n      b 1️⃣= c\"\n")),
    ("folded block", rule("    when: >\n      a and\n      b 1️⃣= c\n")),
    ("unterminated string on the second line", rule("    when: >\n      a and\n      b == 1️⃣\"c\n")),
    ("end of a multi-line condition", rule("    when: a and\n      b and1️⃣\n")),
  ]

  @Test(
    "a syntax error inside a condition is located at its character in the file", arguments: errors)
  func syntaxErrorIsLocatedInTheFile(style: String, marked text: String) throws {
    let marked = MarkedText(text)
    let (_, diagnostics) = Self.load(marked)
    let diagnostic = try #require(diagnostics.first)
    #expect(diagnostics.count == 1)
    #expect(diagnostic.code == .expressionSyntax)
    #expect(diagnostic.location == marked.location(file: "p/rules.yaml"))
  }
}
