import RuleDiagnostics
import RuleSyntax
import Testing

/// Found by fuzzing the YAML reader: a file whose lines end in CR (or NEL, LS, PS) got diagnostics
/// on lines past its end, with no source line shown, because only LF counted as a line break.
@Suite("Line breaks")
struct LineBreakTests {
  @Test(
    "every line break YAML knows starts a line of the file, and errors point at shown lines",
    arguments: ["\n", "\r\n", "\r", "\u{85}", "\u{2028}", "\u{2029}"])
  func lineBreaks(_ lineBreak: String) throws {
    let text = ["case: x", "findings:", "  age: [1, 2", "notes: x"].joined(separator: lineBreak)
    let file = SourceFile(path: "c.yaml", text: text)
    #expect(file.lineStarts.count == 4)
    #expect(file.line(2) == "findings:")
    #expect(file.line(4) == "notes: x")
    let (node, diagnostics) = YAMLReader.read(file)
    #expect(node == nil)
    let error = try #require(diagnostics.first)
    #expect(error.location.line >= 1 && error.location.line <= 4, "\(error.location)")
    #expect(!file.line(error.location.line).isEmpty)
  }
}
