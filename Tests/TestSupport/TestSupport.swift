public import RuleCompiler
public import RuleDiagnostics
public import RuleEngine
import RuleSyntax
public import RuleWorkspace

/// Helpers shared by the test targets.
public enum TestSupport {
  /// The repository root, found from this file's path.
  public static let root: String = {
    var path = #filePath
    for _ in 0..<3 {
      if let slash = path.lastIndex(of: "/") { path = String(path[..<slash]) }
    }
    return path
  }()

  /// A path inside the repository.
  public static func path(_ relative: String) -> String { root + "/" + relative }

  /// Loads and compiles a pack folder from disk.
  public static func loadPack(_ relative: String) throws -> LoadedPack {
    try Workspace.loadPack(path(relative))
  }

  /// The default pack, compiled; fails the test if it does not compile.
  public static func corePack() throws -> Program {
    let pack = try loadPack("rules/ipt-core")
    guard let program = pack.program else {
      throw ReadError(description: "rules/ipt-core does not compile: \(pack.diagnostics.map(\.message))")
    }
    return program
  }

  /// Loads and checks a case file (path relative to the repository root).
  public static func loadCase(_ relative: String, program: Program) throws -> CaseFacts {
    let (facts, diagnostics, _) = Workspace.loadCase(path(relative), with: CaseCompiler(program: program))
    guard let facts else {
      throw ReadError(description: "\(relative): \(diagnostics.map { "\($0.location): \($0.message)" })")
    }
    return facts
  }

  /// Compiles a pack given as in-memory files: `["pack.yaml": "...", "rules/a.yaml": "..."]`.
  public static func compile(files: [String: String], directory: String = "pack") -> (Program?, [Diagnostic]) {
    let sources = files.keys.sorted().map { SourceFile(path: "\(directory)/\($0)", text: files[$0] ?? "") }
    let (syntax, loadDiagnostics) = Loader.loadPack(directory: directory, files: sources)
    let compiled = Compiler.compile(syntax)
    let diagnostics = (loadDiagnostics + compiled.diagnostics).normalized()
    return (diagnostics.hasErrors ? nil : compiled.value, diagnostics)
  }

  /// Checks an in-memory case against a program.
  public static func facts(_ yaml: String, program: Program, path: String = "case.yaml") -> (CaseFacts?, [Diagnostic]) {
    let (syntax, diagnostics) = Loader.loadCase(SourceFile(path: path, text: yaml))
    guard let syntax, !diagnostics.hasErrors else { return (nil, diagnostics) }
    let facts = CaseCompiler(program: program).compile(syntax)
    return (facts.value, (diagnostics + facts.diagnostics).normalized())
  }
}
