import Advisor
import Foundation
import RuleDiagnostics
import RuleWorkspace
import TestSupport
import Testing

/// A pack on disk with more than twenty mistakes, each marked in its YAML with a trailing
/// `# expect: CODE @ LINE:COLUMN` comment. One load must report all of them, where they are, and
/// nothing else.
@Suite("Twenty mistakes")
struct TwentyMistakesTests {
  static let folder = "Tests/RuleCompilerTests/Fixtures/twenty-mistakes"

  struct Expected: Hashable, Comparable, CustomStringConvertible {
    var file: String
    var line: Int
    var column: Int
    var code: String

    var description: String { "\(file):\(line):\(column) [\(code)]" }

    static func < (a: Expected, b: Expected) -> Bool {
      (a.file, a.line, a.column, a.code) < (b.file, b.line, b.column, b.code)
    }
  }

  /// The `# expect:` comments of every YAML file of the fixture; a malformed one is an error.
  static func expectations() throws -> [Expected] {
    let root = TestSupport.path(folder)
    let files = try Workspace.yamlFiles(in: root)
    let pattern = try Regex(#"# expect: ([a-z][a-z0-9-]*) @ ([0-9]+):([0-9]+)\s*$"#)
    var expected: [Expected] = []
    for path in files {
      let relative = String(path.dropFirst(root.count + 1))
      let text = try String(contentsOfFile: path, encoding: .utf8)
      for line in text.split(separator: "\n", omittingEmptySubsequences: false)
      where line.contains("# expect:") {
        guard let match = try pattern.firstMatch(in: String(line)),
          let code = match.output[1].substring,
          let row = match.output[2].substring.flatMap({ Int($0) }),
          let column = match.output[3].substring.flatMap({ Int($0) })
        else {
          throw FixtureError(description: "\(relative): malformed expectation: \(line)")
        }
        expected.append(Expected(file: relative, line: row, column: column, code: String(code)))
      }
    }
    return expected.sorted()
  }

  struct FixtureError: Error, CustomStringConvertible {
    var description: String
  }

  @Test("the fixture holds at least twenty distinct mistakes")
  func fixtureHasTwentyMistakes() throws {
    let expected = try Self.expectations()
    #expect(Set(expected).count == expected.count, "an expectation is repeated")
    #expect(Set(expected.map(\.code)).count >= 20)
  }

  @Test("one load reports every marked mistake at its line and column, and nothing else")
  func everyMistakeIsReportedWhereMarked() throws {
    let root = Workspace.normalize(TestSupport.path(Self.folder))
    let pack = Advisor.load(.disk(root))
    #expect(pack.advisor == nil)
    let reported = pack.diagnostics.filter { $0.severity != .note }.map { diagnostic in
      Expected(
        file: diagnostic.location.file.hasPrefix(root + "/")
          ? String(diagnostic.location.file.dropFirst(root.count + 1)) : diagnostic.location.file,
        line: diagnostic.location.line, column: diagnostic.location.column,
        code: diagnostic.code.rawValue)
    }.sorted()
    let expected = try Self.expectations()
    let missing = expected.filter { !reported.contains($0) }
    let unexpected = pack.diagnostics.filter { diagnostic in
      diagnostic.severity != .note
        && !expected.contains { e in
          diagnostic.location.file == root + "/" + e.file && diagnostic.location.line == e.line
            && diagnostic.location.column == e.column && diagnostic.code.rawValue == e.code
        }
    }
    #expect(missing.isEmpty, "not reported: \(missing)")
    #expect(
      unexpected.isEmpty,
      "not expected: \(unexpected.map { "\($0.location): \($0.severity): [\($0.code)] \($0.message)" })"
    )
    #expect(reported.count == expected.count)
  }
}
