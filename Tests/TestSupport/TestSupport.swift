public import RuleCompiler
public import RuleDiagnostics
public import RuleEngine
import Foundation
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

  /// Makes the repository root the working folder, once, so that packs and cases load under
  /// relative paths and reports (golden files) carry no machine paths. Every test wants the same
  /// folder, so running tests in parallel is safe.
  public static let atRoot: Bool = FileManager.default.changeCurrentDirectoryPath(root)

  /// Loads and compiles a pack folder from disk.
  public static func loadPack(_ relative: String) throws -> LoadedPack {
    try Workspace.loadPack(path(relative))
  }

  /// The default pack, compiled; fails the test if it does not compile.
  public static func corePack() throws -> Program {
    guard atRoot else { throw ReadError(path: root, reason: "cannot enter the folder") }
    let pack = try Workspace.loadPack("rules/ipt-core")
    guard let program = pack.program else {
      throw ReadError(path: "rules/ipt-core", reason: "does not compile: \(pack.diagnostics.map(\.message))")
    }
    return program
  }

  /// Loads and checks a case file (path relative to the repository root).
  public static func loadCase(_ relative: String, program: Program) throws -> CaseFacts {
    guard atRoot else { throw ReadError(path: root, reason: "cannot enter the folder") }
    let (facts, diagnostics, _) = Workspace.loadCase(relative, with: CaseCompiler(program: program))
    guard let facts else {
      throw ReadError(path: relative, reason: "\(diagnostics.map { "\($0.location): \($0.message)" })")
    }
    return facts
  }

  /// Compiles a pack given as in-memory files: `["pack.yaml": "...", "rules/a.yaml": "..."]`.
  public static func compile(files: [String: String], directory: String = "pack") -> (Program?, [Diagnostic]) {
    let sources = files.keys.sorted().map { SourceFile(path: "\(directory)/\($0)", text: files[$0] ?? "") }
    let (syntax, loadDiagnostics) = Loader.loadPack(directory: directory, files: sources)
    let pack = Workspace.assemble(directory: directory, syntax: syntax, diagnostics: loadDiagnostics, sources: [:])
    return (pack.program, pack.diagnostics)
  }

  /// Checks an in-memory case against a program.
  public static func facts(_ yaml: String, program: Program, path: String = "case.yaml") -> (CaseFacts?, [Diagnostic]) {
    let (syntax, diagnostics) = Loader.loadCase(SourceFile(path: path, text: yaml))
    guard let syntax, !diagnostics.hasErrors else { return (nil, diagnostics) }
    let facts = CaseCompiler(program: program).compile(syntax)
    return (facts.value, (diagnostics + facts.diagnostics).normalized())
  }
}

/// Golden files: compares text with a file under a test target's `Snapshots/` folder, or writes it
/// when the environment variable `RECORD_SNAPSHOTS` is set.
public enum Snapshot {
  /// Returns nil when `actual` matches the stored snapshot, else a message saying how it differs.
  public static func check(_ actual: String, named name: String, target: String) -> String? {
    let folder = TestSupport.path("Tests/\(target)/Snapshots")
    let file = "\(folder)/\(name)"
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil {
      try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
      FileManager.default.createFile(atPath: file, contents: Data(actual.utf8))
      return nil
    }
    guard let data = FileManager.default.contents(atPath: file) else {
      return "no snapshot \(name); record it with RECORD_SNAPSHOTS=1 swift test"
    }
    let expected = String(decoding: data, as: UTF8.self)
    guard expected != actual else { return nil }
    let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
    for index in 0..<max(e.count, a.count) {
      let left = index < e.count ? String(e[index]) : "<end>"
      let right = index < a.count ? String(a[index]) : "<end>"
      if left != right {
        return "\(name) differs at line \(index + 1):\n  expected: \(left)\n  actual:   \(right)\n(re-record with RECORD_SNAPSHOTS=1 if the change is intended)"
      }
    }
    return "\(name) differs"
  }
}
