import TestSupport
import RuleDiagnostics
import RuleEngine
import RuleSyntax
import Testing
import TraineeCheck

/// A formulation is checked against the pack like any file: located diagnostics with "did you mean".
@Suite("Formulation diagnostics")
struct FormulationDiagnosticsTests {
  struct Expected: Sendable, CustomTestStringConvertible {
    var fixture: String
    var code: String
    var hint: String?
    var testDescription: String { code }
  }

  static func diagnostics(_ marked: MarkedText, forCase caseID: String? = "mini-1") throws
    -> [Diagnostic]
  {
    let program = try MiniPack.program.get()
    let (syntax, loadDiagnostics) = Loader.loadFormulation(
      SourceFile(path: "f.yaml", text: marked.text))
    #expect(loadDiagnostics.isEmpty)
    return FormulationCompiler(program: program).compile(
      try #require(syntax), sha256: "", forCase: caseID
    )
    .diagnostics
  }

  @Test(
    "an unknown name is an error at its value, with a did-you-mean hint",
    arguments: [
      Expected(
        fixture: "formulation: mini-1\nby: t\nfocus: [grief, 1️⃣transitoin]\n",
        code: "unknown-output-value",
        hint: "did you mean 'transition'?"),
      Expected(
        fixture: "formulation: mini-1\nby: t\nvariant: 1️⃣standrd\n", code: "unknown-output-value",
        hint: "did you mean 'standard'?"),
      Expected(
        fixture: "formulation: mini-1\nby: t\n1️⃣focuss: [grief]\n", code: "unknown-output",
        hint: "did you mean 'focus'?"),
      Expected(
        fixture: "formulation: mini-1\nby: t\nfocus: [grief]\n1️⃣alert: [danger]\n",
        code: "unknown-output",
        hint: "did you mean 'alerts'?"),
      Expected(
        fixture: "formulation: mini-1\nby: t\nalerts:\n  - note\n  - 1️⃣dangr\n",
        code: "unknown-alert",
        hint: "did you mean 'danger'?"),
      Expected(
        fixture: "formulation: 1️⃣mini-2\nby: t\nfocus: [grief]\n", code: "formulation-case-mismatch",
        hint: "give the formulation of case 'mini-1', or correct 'formulation:'"),
    ])
  func unknownName(expected: Expected) throws {
    let marked = MarkedText(expected.fixture)
    let diagnostics = try Self.diagnostics(marked)
    #expect(diagnostics.count == 1)
    let d = try #require(diagnostics.first)
    #expect(d.code.rawValue == expected.code)
    #expect(d.severity == .error)
    #expect(d.location == marked.location(file: "f.yaml"))
    #expect(d.hint == expected.hint)
  }

  @Test("a formulation with an error has no value; a repeated value is only a warning")
  func errorsDropTheValue() throws {
    let program = try MiniPack.program.get()
    let compiler = FormulationCompiler(program: program)
    let bad = Loader.loadFormulation(
      SourceFile(path: "f.yaml", text: "formulation: mini-1\nby: t\nfocus: [x]\n")
    ).0
    #expect(compiler.compile(try #require(bad), sha256: "").value == nil)
    let marked = MarkedText("formulation: mini-1\nby: t\nfocus: [grief, 1️⃣grief]\n")
    let repeated = try #require(
      Loader.loadFormulation(SourceFile(path: "f.yaml", text: marked.text)).0)
    let compiled = compiler.compile(repeated, sha256: "")
    #expect(compiled.diagnostics.map(\.code.rawValue) == ["duplicate-value"])
    #expect(compiled.diagnostics.first?.severity == .warning)
    #expect(compiled.diagnostics.first?.location == marked.location(file: "f.yaml"))
    #expect(compiled.value?.picks[0] == [0])
  }

  @Test("without a case to compare with, the case id is not checked")
  func noCaseGiven() throws {
    let marked = MarkedText("formulation: other\nby: t\nfocus: [grief]\n")
    #expect(try Self.diagnostics(marked, forCase: nil).isEmpty)
  }

  @Test("formulations are matched to cases by id; an unknown case id has a did-you-mean hint")
  func matching() throws {
    let program = try MiniPack.program.get()
    let compiler = FormulationCompiler(program: program)
    func formulation(_ path: String, _ marked: MarkedText) throws -> Formulation {
      let syntax = try #require(Loader.loadFormulation(SourceFile(path: path, text: marked.text)).0)
      return try #require(compiler.compile(syntax, sha256: "").value)
    }
    let a = MarkedText("formulation: c01-grief\nby: t1\n")
    let b = MarkedText("formulation: 1️⃣c01-grief\nby: t1\n")
    let c = MarkedText("formulation: c01-grief\nby: t2\n")
    let d = MarkedText("formulation: 1️⃣c02-disptue\nby: t1\n")
    let all = try [
      formulation("a.yaml", a), formulation("b.yaml", b), formulation("c.yaml", c),
      formulation("d.yaml", d),
    ]
    let (matches, diagnostics) = FormulationCompiler.match(
      all, caseIDs: ["c01-grief", "c02-dispute"])
    #expect(matches == [0, nil, 0, nil])
    #expect(
      diagnostics.map(\.code.rawValue) == ["duplicate-formulation", "formulation-case-mismatch"])
    #expect(diagnostics[0].location == b.location(file: "b.yaml"))
    #expect(
      diagnostics[0].notes.first?.location == SourceLocation(file: "a.yaml", line: 1, column: 14))
    #expect(diagnostics[1].location == d.location(file: "d.yaml"))
    #expect(diagnostics[1].hint == "did you mean 'c02-dispute'?")
  }
}
