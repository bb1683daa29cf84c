public import Advisor
import Foundation
public import RuleDiagnostics
public import RuleEngine
import RuleWorkspace

/// Helpers shared by the test targets. Packs and cases load through the front door (`Advisor`),
/// as the command-line tool loads them.
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

  /// Loads and compiles a pack folder from disk (path relative to the repository root).
  public static func loadPack(_ relative: String) throws -> PackLoad {
    guard atRoot else { throw ReadError(path: root, reason: "cannot enter the folder") }
    return Advisor.load(.disk(relative))
  }

  /// The default pack from `rules/ipt-core`, compiled; fails the test if it does not compile.
  public static func core() throws -> Advisor {
    let load = try loadPack("rules/ipt-core")
    guard let advisor = load.advisor else {
      throw ReadError(
        path: "rules/ipt-core", reason: "does not compile: \(load.diagnostics.map(\.message))")
    }
    return advisor
  }

  /// The default pack's program.
  public static func corePack() throws -> Program { try core().program }

  /// Reads a file (path relative to the repository root).
  public static func read(_ relative: String) throws -> SourceFile {
    guard atRoot else { throw ReadError(path: root, reason: "cannot enter the folder") }
    return try Workspace.read(relative)
  }

  /// Loads and checks a case file against the default pack.
  public static func loadCase(_ relative: String, advisor: Advisor) throws -> CaseFacts {
    let facts = advisor.facts(try read(relative))
    guard let value = facts.value else {
      throw ReadError(
        path: relative, reason: "\(facts.diagnostics.map { "\($0.location): \($0.message)" })")
    }
    return value
  }

  /// Compiles a pack given as in-memory files: `["pack.yaml": "...", "rules/a.yaml": "..."]`.
  public static func compile(files: [String: String], directory: String = "pack") -> (
    Advisor?, [Diagnostic]
  ) {
    let sources = files.keys.sorted().map {
      SourceFile(path: "\(directory)/\($0)", text: files[$0] ?? "")
    }
    let load = Advisor.load(directory: directory, files: sources)
    return (load.advisor, load.diagnostics)
  }

  /// Checks an in-memory case against a pack.
  public static func facts(_ yaml: String, advisor: Advisor, path: String = "case.yaml") -> (
    CaseFacts?, [Diagnostic]
  ) {
    let facts = advisor.facts(SourceFile(path: path, text: yaml))
    return (facts.value, facts.diagnostics)
  }
}

/// Golden files: compares text with a file under a test target's `Snapshots/` folder, or writes it
/// when the environment variable `RECORD_SNAPSHOTS` is set.
public enum Snapshot {
  /// Returns nil when `actual` matches the stored snapshot, else a message saying how it differs.
  /// `replacing` pairs are applied to `actual` first (for values such as a pack hash that change
  /// with every edit of the pack and are not what the snapshot is about).
  public static func check(
    _ actual: String, named name: String, target: String, replacing: [(String, String)] = []
  ) -> String? {
    var actual = actual
    for (target, replacement) in replacing where !target.isEmpty {
      actual = actual.replacing(target, with: replacement)
    }
    let folder = TestSupport.path("Tests/\(target)/Snapshots")
    let file = "\(folder)/\(name)"
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil {
      try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
      guard FileManager.default.createFile(atPath: file, contents: Data(actual.utf8)) else {
        return "cannot write the snapshot \(file)"
      }
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
        return
          "\(name) differs at line \(index + 1):\n  expected: \(left)\n  actual:   \(right)\n(re-record with RECORD_SNAPSHOTS=1 if the change is intended)"
      }
    }
    return "\(name) differs"
  }
}
