import Foundation
import RuleDiagnostics
import TestSupport
import Testing

/// docs/diagnostics.md documents every diagnostic code (`DiagnosticCode.allCases`), each in a `### \`code\``
/// section with its severity, an example (YAML and the printed diagnostic) and how to fix it.
@Suite("Diagnostics documentation")
struct DiagnosticsDocumentationTests {
  struct Section {
    var code: String
    var body: [String]
  }

  static func sections() throws -> [Section] {
    let text = try String(contentsOfFile: TestSupport.path("docs/diagnostics.md"), encoding: .utf8)
    var sections: [Section] = []
    var inCode = false
    for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
      if line.hasPrefix("```") { inCode.toggle() }
      if inCode || line.hasPrefix("```") {
        if !sections.isEmpty { sections[sections.count - 1].body.append(line) }
      } else if line.hasPrefix("### `"), line.hasSuffix("`") {
        sections.append(Section(code: String(line.dropFirst(5).dropLast()), body: []))
      } else if line.hasPrefix("#") {
        sections.append(Section(code: "", body: []))  // a heading that is not a code ends a section
      } else if !sections.isEmpty {
        sections[sections.count - 1].body.append(line)
      }
    }
    return sections.filter { !$0.code.isEmpty }
  }

  @Test("every diagnostic code has a section in docs/diagnostics.md")
  func everyCodeIsDocumented() throws {
    let documented = Set(try Self.sections().map(\.code))
    let missing = DiagnosticCode.allCases.filter { !documented.contains($0.rawValue) }
    #expect(missing.isEmpty, "undocumented: \(missing)")
  }

  @Test("every documented code is a diagnostic code, documented once")
  func noStaleOrRepeatedSections() throws {
    let codes = try Self.sections().map(\.code)
    #expect(codes.filter { DiagnosticCode(rawValue: $0) == nil } == [])
    #expect(codes.count == Set(codes).count, "a code has two sections")
  }

  @Test("every section gives the severity, a YAML example, the printed diagnostic and a fix")
  func sectionsAreComplete() throws {
    for section in try Self.sections() {
      let body = section.body
      #expect(body.contains { $0.hasPrefix("**Severity:**") }, "\(section.code): no severity")
      #expect(body.contains { $0.hasPrefix("```yaml") }, "\(section.code): no YAML example")
      #expect(
        body.contains { $0.contains("[\(section.code)]") }, "\(section.code): no printed diagnostic"
      )
      #expect(body.contains { $0.hasPrefix("**Fix:**") }, "\(section.code): no fix")
    }
  }

  @Test("the documented severity is the one the examples report")
  func documentedSeverityMatchesExamples() throws {
    let sections = Dictionary(
      try Self.sections().map { ($0.code, $0.body) }, uniquingKeysWith: { a, _ in a })
    for example in DiagnosticExampleTests.examples {
      let line = sections[example.code]?.first { $0.hasPrefix("**Severity:**") } ?? ""
      #expect(line.contains(example.severity.rawValue), "\(example.code): '\(line)'")
    }
  }
}
