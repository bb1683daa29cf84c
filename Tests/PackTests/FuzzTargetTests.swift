import Advisor
import Foundation
import RuleDiagnostics
import RuleFuzz
import TestSupport
import Testing

/// The fuzz targets of scripts/fuzz.sh, run on the repository's files in the ordinary build: the
/// seeds give the verdict they should, and a broken promise is caught.
@Suite("Fuzz targets")
struct FuzzTargetTests {
  static func bytes(_ relative: String) throws -> [UInt8] {
    Array(try TestSupport.read(relative).text.utf8)
  }

  @Test("the default pack's files are accepted YAML; broken YAML is rejected with an error")
  func yaml() throws {
    let advisor = try TestSupport.core()
    for path in advisor.sources.keys.sorted() {
      #expect(try FuzzTarget.yaml.run(Self.bytes(path), casePack: nil) == .accepted, "\(path)")
    }
    #expect(try FuzzTarget.yaml.run(Array("a: [1, 2\n".utf8), casePack: nil) == .rejected)
    #expect(try FuzzTarget.yaml.run([0xFF, 0xFE], casePack: nil) == .rejected)
  }

  @Test("conditions parse, and a broken one is rejected with an error")
  func expression() throws {
    #expect(
      try FuzzTarget.expression.run(Array("phq9 >= 10 and not x".utf8), casePack: nil) == .accepted)
    #expect(try FuzzTarget.expression.run(Array("phq9 >=".utf8), casePack: nil) == .rejected)
  }

  @Test("sample cases are accepted and evaluated against the default pack")
  func cases() throws {
    let program = try TestSupport.corePack()
    let c01 = try Self.bytes("rules/ipt-core/cases/c01-grief-recent-death.yaml")
    #expect(try FuzzTarget.caseFile.run(c01, casePack: program) == .accepted)
    #expect(
      try FuzzTarget.caseFile.run(Array("case: x\nfindings: {phq_9: 3}\n".utf8), casePack: program)
        == .rejected)
    #expect(throws: FuzzFailure.self) { try FuzzTarget.caseFile.run(c01, casePack: nil) }
  }

  @Test("the seed packs give their verdicts")
  func packs() throws {
    #expect(
      try FuzzTarget.pack.run(Self.bytes("scripts/fuzz-seeds/pack/demo.pack"), casePack: nil)
        == .accepted)
    #expect(
      try FuzzTarget.pack.run(Self.bytes("scripts/fuzz-seeds/pack/minimal.pack"), casePack: nil)
        == .accepted)
    #expect(
      try FuzzTarget.pack.run(
        Self.bytes("scripts/fuzz-seeds/pack/twenty-mistakes.pack"), casePack: nil)
        == .rejected)
    let files = FuzzTarget.packFiles("pack: p\n#== a.yaml\nx: 1\n#== a.yaml\ny: 2\n")
    #expect(files.map(\.path) == ["fuzz/pack.yaml", "fuzz/a.yaml", "fuzz/2-a.yaml"])
  }

  @Test("a silent failure, a silent success and a diagnostic past the end are caught")
  func brokenPromises() {
    let file = SourceFile(path: "f.yaml", text: "a: 1\n")
    let error = Diagnostic(
      .error, code: .yamlSyntax, "bad", at: SourceLocation(file: "f.yaml", line: 1, column: 1))
    var past = error
    past.location.line = 9
    #expect(throws: FuzzFailure.self) { try FuzzTarget.verdict(accepted: false, [], files: [file]) }
    #expect(throws: FuzzFailure.self) {
      try FuzzTarget.verdict(accepted: true, [error], files: [file])
    }
    #expect(throws: FuzzFailure.self) {
      try FuzzTarget.verdict(accepted: false, [past], files: [file])
    }
    #expect(throws: Never.self) { try FuzzTarget.verdict(accepted: false, [error], files: [file]) }
  }
}
