import Advisor
import Foundation
import RuleCompiler
import RuleDiagnostics
import RuleWorkspace
import TestSupport
import Testing

/// One mistake and the diagnostic it must produce. Markers (`1️⃣`, `2️⃣`, ...) in the input say
/// where; every marker is one expected diagnostic with `code`.
struct DiagnosticExample: Sendable, CustomTestStringConvertible {
  enum Input: Sendable {
    /// The demo pack with files added, replaced or (nil) removed, compiled in memory.
    case pack([String: String?])
    /// A case file, checked against the demo pack.
    case caseFile(String)
    /// A folder tree on disk, loaded with `Workspace.loadPack("<root>/main")`. The demo pack is
    /// written to `main/` first; `text` changes it (nil removes a file) or adds packs beside it;
    /// `bytes` adds files that are not text.
    /// `links` adds symbolic links (path to destination, relative to the link's folder).
    case folder(
      text: [String: String?], bytes: [String: [UInt8]] = [:], links: [String: String] = [:])
  }

  /// A location given by hand, for files that cannot hold a marker (missing or binary files).
  struct Place: Sendable {
    var file: String
    var line: Int
    var column: Int
  }

  var code: String
  var severity: Severity
  var situation: String
  var input: Input
  /// Where the diagnostic must be when no marker can say it.
  var at: Place? = nil
  /// Other codes the same mistake legitimately reports as well.
  var also: [String] = []

  var testDescription: String { "\(code): \(situation)" }

  /// Runs the example: every diagnostic reported (paths relative to the pack's parent) and the
  /// locations the markers (or `at`) expect for `code`.
  func run() throws -> (diagnostics: [Diagnostic], expected: [SourceLocation]) {
    switch input {
    case .pack(let changes):
      var files: [String: String] = [:]
      var expected: [SourceLocation] = []
      for (path, text) in DemoPack.files(changes) {
        let marked = MarkedText(text)
        files[path] = marked.text
        expected += marked.markers.values.map {
          SourceLocation(file: "\(DemoPack.directory)/\(path)", line: $0.line, column: $0.column)
        }
      }
      let (_, diagnostics) = TestSupport.compile(files: files, directory: DemoPack.directory)
      return (diagnostics, expected + placed)
    case .caseFile(let text):
      let program = try DemoPack.program.get()
      let marked = MarkedText(text)
      let (_, diagnostics) = TestSupport.facts(marked.text, advisor: program, path: "case.yaml")
      let expected = marked.markers.values.map {
        SourceLocation(file: "case.yaml", line: $0.line, column: $0.column)
      }
      return (diagnostics, expected + placed)
    case .folder(let changes, let bytes, let links):
      let root = FileManager.default.temporaryDirectory
        .appendingPathComponent("ipt-diagnostic-\(UUID().uuidString)").path
      defer { try? FileManager.default.removeItem(atPath: root) }
      var texts: [String: String?] = [:]
      for (path, text) in DemoPack.files { texts["main/\(path)"] = text }
      for (path, text) in changes { texts[path] = text }
      var expected: [SourceLocation] = []
      for (path, text) in texts {
        guard let text else { continue }
        let marked = MarkedText(text)
        try Self.write(Data(marked.text.utf8), to: "\(root)/\(path)")
        expected += marked.markers.values.map {
          SourceLocation(file: path, line: $0.line, column: $0.column)
        }
      }
      for (path, data) in bytes { try Self.write(Data(data), to: "\(root)/\(path)") }
      for (path, destination) in links {
        try FileManager.default.createSymbolicLink(
          atPath: "\(root)/\(path)", withDestinationPath: destination)
      }
      let pack = Advisor.load(.disk("\(root)/main"))
      let diagnostics = pack.diagnostics.map { diagnostic in
        var relative = diagnostic
        if relative.location.file.hasPrefix(root + "/") {
          relative.location.file.removeFirst(root.count + 1)
        }
        return relative
      }
      return (diagnostics, expected + placed)
    }
  }

  private var placed: [SourceLocation] {
    at.map { [SourceLocation(file: $0.file, line: $0.line, column: $0.column)] } ?? []
  }

  private static func write(_ data: Data, to path: String) throws {
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    try data.write(to: URL(fileURLWithPath: path))
  }
}
