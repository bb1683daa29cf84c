import Foundation
import RuleCompiler
import RuleDiagnostics
import RuleEngine
import RuleRender
import RuleSyntax
import RuleWorkspace
import TestSupport
import Testing

/// The default pack and the sample cases and formulations, loaded under paths relative to the
/// repository root so that reports are the same on every machine.
enum Samples {
  static let engineVersion = "test"

  static func read(_ relative: String) throws -> SourceFile {
    let data = try Data(contentsOf: URL(fileURLWithPath: TestSupport.path(relative)))
    return SourceFile(path: relative, text: String(decoding: data, as: UTF8.self))
  }

  static let program: Result<Program, any Error> = Result {
    _ = TestSupport.atRoot
    let files = try Workspace.yamlFiles(in: "rules/ipt-core").map(read)
    let (syntax, loadDiagnostics) = Loader.loadPack(directory: "rules/ipt-core", files: files)
    let compiled = Compiler.compile(syntax)
    let diagnostics = (loadDiagnostics + compiled.diagnostics).normalized()
    guard let program = compiled.value, !diagnostics.hasErrors else {
      throw CheckTestError(
        "rules/ipt-core does not compile: \(diagnostics.filter { $0.severity == .error }.map { "\($0.location): \($0.message)" })"
      )
    }
    return program
  }

  static func facts(_ relative: String, program: Program) throws -> CaseFacts {
    let (syntax, diagnostics) = Loader.loadCase(try read(relative))
    let compiled = CaseCompiler(program: program).compile(
      try #require(syntax, "\(diagnostics.map(\.message))"))
    return try #require(compiled.value, "\(compiled.diagnostics.map(\.message))")
  }

  static func formulation(_ relative: String, program: Program, forCase caseID: String? = nil)
    throws -> Formulation
  {
    let (syntax, diagnostics) = Loader.loadFormulation(try read(relative))
    let compiled = FormulationCompiler(program: program).compile(
      try #require(syntax, "\(diagnostics.map(\.message))"), forCase: caseID)
    return try #require(
      compiled.value, "\(compiled.diagnostics.map { "\($0.location): \($0.message)" })")
  }

  /// Checks a sample formulation against the sample case it names.
  static func check(_ formulationPath: String) throws -> CheckReport {
    let program = try Self.program.get()
    let unchecked = try formulation(formulationPath, program: program)
    let facts = try Self.facts("rules/ipt-core/cases/\(unchecked.caseID).yaml", program: program)
    let formulation = try Self.formulation(formulationPath, program: program, forCase: facts.caseID)
    let explanation = program.explain(facts, program.evaluate(facts))
    let comparison = program.compare(formulation, with: explanation)
    return CheckReportBuilder(program: program, engineVersion: engineVersion)
      .report(comparison, formulation: formulation, explanation: explanation, facts: facts)
  }
}

/// Golden files under `Snapshots/`, re-recorded when `RECORD_SNAPSHOTS=1`.
enum Snapshot {
  static let directory: String = {
    var path = #filePath
    if let slash = path.lastIndex(of: "/") { path = String(path[..<slash]) }
    return path + "/Snapshots"
  }()

  static var recording: Bool { ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" }

  /// The pack's hash changes with every edit of the pack; the snapshots do not record it.
  static func normalized(_ text: String, program: Program) -> String {
    text.replacingOccurrences(of: program.pack.sha256, with: "<pack-sha256>")
      .replacingOccurrences(of: String(program.pack.sha256.prefix(12)), with: "<pack-sha256>")
  }

  static func expect(
    _ actual: String, matches name: String, program: Program,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) throws {
    let text = normalized(actual, program: program)
    let path = directory + "/" + name
    if recording {
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
      try Data(text.utf8).write(to: URL(fileURLWithPath: path))
      return
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      Issue.record(
        "no snapshot \(name): run with RECORD_SNAPSHOTS=1 to record it",
        sourceLocation: sourceLocation)
      return
    }
    let expected = String(decoding: data, as: UTF8.self)
    if expected != text {
      let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
      let b = text.split(separator: "\n", omittingEmptySubsequences: false)
      let line = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
      let want = line < a.count ? String(a[line]) : "<end>"
      let got = line < b.count ? String(b[line]) : "<end>"
      Issue.record(
        "\(name) differs at line \(line + 1):\n  expected: \(want)\n  actual:   \(got)\n(RECORD_SNAPSHOTS=1 re-records)",
        sourceLocation: sourceLocation)
    }
  }
}
