import Foundation
import TestSupport
import Testing

/// The `ipt` command as a user runs it: output streams and exit codes (design section 5).
@Suite("ipt command line")
struct CLITests {
  struct Run {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// Runs the `ipt` built beside this test binary, from the repository root.
  static func ipt(_ arguments: [String], environment: [String: String] = [:]) throws -> Run {
    let folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    var binary = folder.appendingPathComponent("ipt")
    if !FileManager.default.fileExists(atPath: binary.path) {
      // Inside an .xctest bundle the binary sits a few folders down.
      binary = URL(fileURLWithPath: TestSupport.root).appendingPathComponent(".build/debug/ipt")
    }
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: TestSupport.root)
    var env = ProcessInfo.processInfo.environment
    for (key, value) in environment { env[key] = value }
    process.environment = env
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Run(
      status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
      stderr: String(decoding: stderr, as: UTF8.self))
  }

  @Test("evaluate prints an explained formulation and exits 0")
  func evaluate() throws {
    let run = try Self.ipt(["evaluate", "rules/ipt-core/cases/c01-grief-recent-death.yaml"])
    #expect(run.status == 0)
    #expect(run.stdout.contains("not a diagnosis"))
    #expect(run.stdout.contains("Grief"))
    #expect(!run.stdout.contains("\u{1B}["), "no colour when not on a terminal")
  }

  @Test("a batch goes on past a bad case, says how many failed, and exits 2")
  func batchWithABadCase() throws {
    let bad = FileManager.default.temporaryDirectory.appendingPathComponent(
      "ipt-cli-bad-\(getpid()).yaml")
    try "case: bad\nfindings:\n  phq_9: 12\n".write(to: bad, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: bad) }
    let run = try Self.ipt([
      "evaluate", "--format", "jsonl", "rules/ipt-core/cases/c01-grief-recent-death.yaml", bad.path,
      "rules/ipt-core/cases/c02-dispute-renegotiation.yaml",
    ])
    #expect(run.status == 2)
    #expect(run.stdout.split(separator: "\n").count == 2)
    #expect(run.stderr.contains("[unknown-finding] unknown finding 'phq_9'"))
    #expect(run.stderr.contains("did you mean 'phq9'?"))
    #expect(run.stderr.contains("2 of 3 cases evaluated, 1 failed"))
  }

  @Test("a file that is not there is a one-line error and exit 2")
  func missingFile() throws {
    let run = try Self.ipt(["evaluate", "rules/ipt-core/cases/no-such-case.yaml"])
    #expect(run.status == 2)
    #expect(run.stderr.hasPrefix("rules/ipt-core/cases/no-such-case.yaml: error: no such file\n"))
  }

  @Test("lint exits 0 on the default pack and 1 on a pack with errors")
  func lint() throws {
    #expect(try Self.ipt(["lint"]).status == 0)
    let run = try Self.ipt([
      "lint", "Tests/RuleCompilerTests/Fixtures/twenty-mistakes", "--format", "json",
    ])
    #expect(run.status == 1)
    #expect(run.stdout.contains("\"code\" : \"unknown-finding\""))
  }

  @Test("a bad command line exits 64")
  func badUsage() throws {
    #expect(
      try Self.ipt([
        "evaluate", "--format", "pdf", "rules/ipt-core/cases/c01-grief-recent-death.yaml",
      ]).status == 64)
    #expect(try Self.ipt(["no-such-command"]).status == 64)
  }

  @Test("pack tests pass and check --strict fails on a disagreement")
  func testAndCheck() throws {
    let tests = try Self.ipt(["test"])
    #expect(tests.status == 0)
    #expect(tests.stdout.hasSuffix(" passed, 0 failed\n"))
    let check = try Self.ipt([
      "check", "rules/ipt-core/cases/c07-two-areas-move-and-marriage.yaml", "--formulation",
      "formulations/f02-missed-area.yaml", "--strict",
    ])
    #expect(check.status == 1)
    #expect(check.stdout.contains("[missed]"))
  }

  @Test("the same case gives byte-identical output twice")
  func deterministic() throws {
    let first = try Self.ipt([
      "evaluate", "--format", "json", "rules/ipt-core/cases/c08-mostly-missing-data.yaml",
    ])
    let second = try Self.ipt([
      "evaluate", "--format", "json", "rules/ipt-core/cases/c08-mostly-missing-data.yaml",
    ])
    #expect(first.stdout == second.stdout)
    #expect(!first.stdout.isEmpty)
  }

  @Test("the bundled pack works from any folder")
  func bundledPack() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "ipt-cli-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let copy = folder.appendingPathComponent("c01.yaml")
    try FileManager.default.copyItem(
      atPath: TestSupport.path("rules/ipt-core/cases/c01-grief-recent-death.yaml"),
      toPath: copy.path)
    let inRepo = try Self.ipt([
      "evaluate", "--format", "jsonl", "rules/ipt-core/cases/c01-grief-recent-death.yaml",
    ])
    let process = Process()
    process.executableURL = URL(fileURLWithPath: TestSupport.root).appendingPathComponent(
      ".build/debug/ipt")
    process.arguments = ["evaluate", "--format", "jsonl", "c01.yaml"]
    process.currentDirectoryURL = folder
    let out = Pipe()
    process.standardOutput = out
    process.standardError = Pipe()
    try process.run()
    let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    // Same pack hash from the bundled copy as from rules/ipt-core.
    let hash = { (s: String) in
      s.components(separatedBy: "\"sha256\":\"").dropFirst(2).first?.prefix(64)
    }
    #expect(hash(text) != nil && hash(text) == hash(inRepo.stdout))
  }
}
