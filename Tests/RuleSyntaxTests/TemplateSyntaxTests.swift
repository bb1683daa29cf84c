import TestSupport
import RuleDiagnostics
import RuleSyntax
import Testing

/// A rule's `because:` template: plain text is one piece (read without the template scan), and
/// placeholders, optional parts and their mistakes are found as before.
@Suite("Template syntax")
struct TemplateSyntaxTests {
  static func because(_ template: String) -> (TemplateSyntax?, [Diagnostic]) {
    let marked = MarkedText(
      "rules:\n  - id: r\n    title: r\n    when: a\n    then: {suggest: {focus: a}}\n"
        + "    because: \(template)\n")
    let (pack, diagnostics) = ConditionLocationTests.load(marked)
    return (pack.rules.first?.because, diagnostics)
  }

  /// The pieces as text: `t(...)` for text, `{name}` for placeholders, `[[...]]` for optional parts.
  static func describe(_ pieces: [TemplateSyntax.Piece]) -> String {
    pieces.map { piece in
      switch piece {
      case .text(let text): "t(\(text))"
      case .placeholder(let name): "{\(name.value)}"
      case .optional(let inner): "[[\(describe(inner))]]"
      }
    }.joined()
  }

  static let wellFormed: [(String, String)] = [
    ("plain text, no marks", "t(plain text, no marks)"),
    ("'Zoë: text beyond ASCII'", "t(Zoë: text beyond ASCII)"),
    ("'a single [bracket] is text'", "t(a single [bracket] is text)"),
    ("'PHQ-9 is {phq9}'", "t(PHQ-9 is ){phq9}"),
    ("'score {phq9}[[, age { age }]].'", "t(score ){phq9}[[t(, age ){age}]]t(.)"),
  ]

  @Test("a template is split into text, placeholders and optional parts", arguments: wellFormed)
  func templateIsSplit(template: String, pieces: String) throws {
    let (because, diagnostics) = Self.because(template)
    #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
    let syntax = try #require(because)
    #expect(Self.describe(syntax.pieces) == pieces)
  }

  static let malformed: [(String, String)] = [
    ("'unmatched } here'", "unmatched '}' in the template"),
    ("'unclosed { here'", "unclosed '{' in the template"),
    ("'empty {} here'", "empty '{}' in the template"),
    ("'unmatched ]] here'", "unmatched ']]' in the template"),
    ("'unclosed [[ here'", "unclosed '[[' in the template"),
  ]

  @Test("a malformed template is reported and kept as text", arguments: malformed)
  func malformedTemplateIsReported(template: String, message: String) throws {
    let (because, diagnostics) = Self.because(template)
    let diagnostic = try #require(diagnostics.first)
    #expect(diagnostics.count == 1)
    #expect(diagnostic.message.contains(message), "\(diagnostic.message)")
    let syntax = try #require(because)
    #expect(syntax.pieces.count == 1)
  }
}
