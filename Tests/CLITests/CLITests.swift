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

  /// The `ipt` built beside this test binary, whatever the build folder is called.
  static let binary: URL = {
    var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    // Inside an .xctest bundle (macOS) the products sit a few folders up.
    for _ in 0..<4
    where !FileManager.default.fileExists(atPath: folder.appendingPathComponent("ipt").path) {
      folder.deleteLastPathComponent()
    }
    return folder.appendingPathComponent("ipt")
  }()

  /// Runs `ipt` (by default the one built beside this test binary), from the repository root.
  static func ipt(
    _ arguments: [String], environment: [String: String] = [:], binary: URL = binary,
    in folder: URL = URL(fileURLWithPath: TestSupport.root), input: String? = nil
  ) throws -> Run {
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    process.currentDirectoryURL = folder
    var env = ProcessInfo.processInfo.environment
    for (key, value) in environment { env[key] = value }
    process.environment = env
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    if let input {
      let pipe = Pipe()
      process.standardInput = pipe
      try process.run()
      pipe.fileHandleForWriting.write(Data(input.utf8))
      try pipe.fileHandleForWriting.close()
    } else {
      process.standardInput = FileHandle.nullDevice
      try process.run()
    }
    // Both streams are drained at once: a command that fills one pipe must not wait forever.
    let errors = ErrorStream(err.fileHandleForReading)
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = errors.data()
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

  @Test("the binary copied alone to an empty folder evaluates a case and runs the pack tests")
  func binaryAlone() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "ipt-cli-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let copy = folder.appendingPathComponent("ipt")
    try FileManager.default.copyItem(at: Self.binary, to: copy)
    try FileManager.default.copyItem(
      atPath: TestSupport.path("rules/ipt-core/cases/c01-grief-recent-death.yaml"),
      toPath: folder.appendingPathComponent("c01.yaml").path)
    let alone = try Self.ipt(
      ["evaluate", "--format", "jsonl", "c01.yaml"], binary: copy, in: folder)
    #expect(alone.status == 0, "\(alone.stderr)")
    let inRepo = try Self.ipt([
      "evaluate", "--format", "jsonl", "rules/ipt-core/cases/c01-grief-recent-death.yaml",
    ])
    // Same pack hash from the bundled copy as from the repository's rules/ipt-core.
    let hash = { (s: String) in
      s.components(separatedBy: "\"sha256\":\"").dropFirst(2).first?.prefix(64)
    }
    #expect(hash(alone.stdout) != nil && hash(alone.stdout) == hash(inRepo.stdout))
    let tests = try Self.ipt(["test"], binary: copy, in: folder)
    #expect(tests.status == 0, "\(tests.stderr)")
    #expect(tests.stdout.hasSuffix(" passed, 0 failed\n"))
    let text = try Self.ipt(["evaluate", "c01.yaml"], binary: copy, in: folder)
    #expect(text.stdout.contains("from rules/ipt-core (bundled)"))
  }

  @Test("a rules/ipt-core folder in the current directory does not replace the bundled pack")
  func bundledIsTheDefault() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "ipt-cli-shadow-\(getpid())")
    let pack = folder.appendingPathComponent("rules/ipt-core")
    try FileManager.default.createDirectory(at: pack, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try "pack: ipt-core\nversion: 9.9.9\n".write(
      to: pack.appendingPathComponent("pack.yaml"), atomically: true, encoding: .utf8)
    try FileManager.default.copyItem(
      atPath: TestSupport.path("rules/ipt-core/cases/c01-grief-recent-death.yaml"),
      toPath: folder.appendingPathComponent("c01.yaml").path)
    let run = try Self.ipt(["evaluate", "c01.yaml"], in: folder)
    #expect(run.status == 0)
    #expect(run.stdout.contains("Pack ipt-core 2.2.0"))
    #expect(!run.stdout.contains("9.9.9"))
    let local = try Self.ipt(["evaluate", "--pack", "rules/ipt-core", "c01.yaml"], in: folder)
    #expect(local.status == 2, "an empty local pack has no rules to evaluate with")
  }

  @Test("agreement scores the validation corpus, fails on an unmet --min, and rejects bad input")
  func agreement() throws {
    let run = try Self.ipt(["agreement", "validation", "--min", "focus=90"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("AGREEMENT BY OUTPUT"))
    #expect(run.stdout.contains("SAFETY ALERTS THE SOURCES REQUIRE"))
    let json = try Self.ipt(["agreement", "validation", "--format", "json"])
    #expect(json.stdout.contains("\"ipt-advisor/agreement/1\""))
    let unmet = try Self.ipt(["agreement", "validation", "--min", "variant=100"])
    #expect(unmet.status == 1)
    #expect(unmet.stderr.contains("variant:") && unmet.stderr.contains("below the required 100%"))
    let typo = try Self.ipt(["agreement", "validation", "--min", "focsu=90"])
    #expect(typo.status == 64)
    #expect(typo.stderr.contains("did you mean 'focus'?"))
    let malformed = try Self.ipt(["agreement", "validation", "--min", "focus"])
    #expect(malformed.status == 64)
    let missing = try Self.ipt(["agreement", "no-such-corpus"])
    #expect(missing.status == 2)
    #expect(missing.stderr.contains("no-such-corpus/cases"))
  }

  @Test(
    "a trainer inside a pack folder can lint and test it as '.'; a file given as a pack is named")
  func packFolderHere() throws {
    let folder = URL(fileURLWithPath: TestSupport.path("rules/ipt-core"))
    let lint = try Self.ipt(["lint", "."], in: folder)
    #expect(lint.status == 0, "\(lint.stderr)")
    #expect(lint.stderr.contains(".: 0 errors, 0 warnings"))
    let test = try Self.ipt(["test", "."], in: folder)
    #expect(test.status == 0)
    let file = try Self.ipt(
      ["evaluate", "--pack", "pack.yaml", "cases/c01-grief-recent-death.yaml"], in: folder)
    #expect(file.status == 2)
    #expect(file.stderr.contains("not a folder: a pack is a folder holding pack.yaml"))
  }
}

/// Reads a stream to its end on a thread of its own.
final class ErrorStream: @unchecked Sendable {
  private let done = DispatchSemaphore(value: 0)
  private var collected = Data()

  init(_ handle: FileHandle) {
    Thread.detachNewThread { [self] in
      collected = handle.readDataToEndOfFile()
      done.signal()
    }
  }

  /// Everything the stream held, once it has ended.
  func data() -> Data {
    done.wait()
    return collected
  }
}
