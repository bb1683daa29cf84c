import Foundation
import GRDB
import TestSupport
import Testing

/// `ipt evaluate --audit`, `ipt check --audit` and `ipt audit ...` as a supervisor runs them,
/// including several writers at once and a writer killed mid-batch.
@Suite("ipt audit")
struct AuditCLITests {
  static func ipt(_ arguments: [String], environment: [String: String] = [:]) throws -> CLITests.Run
  {
    try CLITests.ipt(arguments, environment: environment)
  }

  @Test func theSupervisorWorkflow() throws {
    let scratch = try Scratch("audit-cli")
    let store = scratch.at("audit.db")
    let evaluate = try Self.ipt([
      "evaluate", "--audit", store, "--by", "trainee-a",
      "rules/ipt-core/cases/c01-grief-recent-death.yaml",
      "rules/ipt-core/cases/c09-suicidal-grief.yaml",
    ])
    #expect(evaluate.status == 0)
    #expect(evaluate.stderr.contains("2 of 2 cases evaluated, 0 failed (recorded in \(store))"))
    let check = try Self.ipt([
      "check", "--audit", store, "--by", "trainee-a",
      "rules/ipt-core/cases/c01-grief-recent-death.yaml",
      "--formulation", "formulations/f01-agree.yaml",
    ])
    #expect(check.status == 0)
    #expect(check.stderr.contains("1 check recorded in \(store)"))

    let verify = try Self.ipt(["audit", "verify", store])
    #expect(verify.status == 0)
    #expect(verify.stdout.hasPrefix("\(store): 3 records verified; head "))

    let review = try Self.ipt([
      "audit", "review", store, "1", "--by", "supervisor-a", "--override", "focus=role_dispute",
      "--reason", "the dispute drives the episode",
    ])
    #expect(review.status == 0)
    #expect(review.stdout.hasPrefix("review 4 of record 1 recorded (override)"))

    let show = try Self.ipt(["audit", "show", store, "1"])
    #expect(show.status == 0)
    #expect(show.stdout.contains("by supervisor-a: overridden: focus = role_dispute"))

    let replay = try Self.ipt(["audit", "replay", store, "--all"])
    #expect(replay.status == 0)
    #expect(replay.stdout == "3 of 3 records replayed identically\n")

    let report = try Self.ipt(["audit", "report", store, "--format", "json"])
    #expect(report.status == 0)
    let json = try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any]
    #expect(json?["overridden"] as? Int == 1)
    #expect((json?["open"] as? [Any])?.count == 2)

    let export = try Self.ipt(["audit", "export", store])
    let lines = export.stdout.split(separator: "\n")
    #expect(lines.count == 4)
    #expect(lines.allSatisfy { $0.contains("\"hash\":\"") })

    // The chain can be checked without ipt, from the export and docs/audit.md alone.
    let python = Process()
    python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    python.arguments = ["python3", TestSupport.path("scripts/verify-export.py")]
    let input = Pipe()
    let output = Pipe()
    python.standardInput = input
    python.standardOutput = output
    try python.run()
    input.fileHandleForWriting.write(Data(export.stdout.utf8))
    try input.fileHandleForWriting.close()
    let verified = String(
      decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    python.waitUntilExit()
    #expect(python.terminationStatus == 0)
    #expect(verified.hasPrefix("4 records verified; head "))
    let head = try Self.ipt(["audit", "verify", store]).stdout.split(separator: " ").last
    #expect(verified == "4 records verified; head \(head ?? "")")
  }

  @Test func auditingNeedsAUser() throws {
    let scratch = try Scratch("audit-by")
    let run = try Self.ipt([
      "evaluate", "--audit", scratch.at("a.db"), "rules/ipt-core/cases/c01-grief-recent-death.yaml",
    ])
    #expect(run.status == 64)
    #expect(run.stderr.contains("an audited run needs the user it is recorded for: add --by NAME"))
    let environment = try Self.ipt(
      ["evaluate", "rules/ipt-core/cases/c01-grief-recent-death.yaml"],
      environment: ["IPT_AUDIT": scratch.at("env.db")])
    #expect(environment.status == 64)
    #expect(environment.stderr.contains("auditing is on because IPT_AUDIT is set"))
    #expect(!FileManager.default.fileExists(atPath: scratch.at("a.db")))
    let recorded = try Self.ipt(
      ["evaluate", "--by", "t", "rules/ipt-core/cases/c01-grief-recent-death.yaml"],
      environment: ["IPT_AUDIT": scratch.at("env.db")])
    #expect(recorded.status == 0)
    #expect(
      try Self.ipt(["audit", "verify", scratch.at("env.db")]).stdout.contains("1 record verified"))
  }

  @Test func storesThatCannotBeUsedExit2InOneLine() throws {
    let scratch = try Scratch("audit-bad")
    let other = scratch.at("other.db")
    let queue = try DatabaseQueue(path: other)
    try queue.write { db in try db.execute(sql: "CREATE TABLE t(x)") }
    try queue.close()
    let garbage = try scratch.write("garbage.db", String(repeating: "not sqlite ", count: 500))
    for (path, reason) in [
      (other, "not an ipt audit store"), (garbage, "cannot read the audit store"),
      (scratch.at("none.db"), "no audit store here"),
    ] {
      let run = try Self.ipt(["audit", "verify", path])
      #expect(run.status == 2, "\(path)")
      #expect(run.stderr.contains(reason), "\(run.stderr)")
      #expect(run.stderr.split(separator: "\n").count == 1)
    }
    let evaluate = try Self.ipt([
      "evaluate", "--audit", other, "--by", "t", "rules/ipt-core/cases/c01-grief-recent-death.yaml",
    ])
    #expect(evaluate.status == 2)
    #expect(evaluate.stdout.isEmpty)
  }

  @Test func aTamperedStoreFailsVerification() throws {
    let scratch = try Scratch("audit-tamper")
    let store = scratch.at("audit.db")
    _ = try Self.ipt(["evaluate", "--audit", store, "--by", "t", "rules/ipt-core/cases"])
    let queue = try DatabaseQueue(path: store)
    try queue.writeWithoutTransaction { db in
      try db.execute(sql: "DROP TRIGGER record_append_only_update")
      try db.execute(sql: "UPDATE record SET by = 'mallory' WHERE seq = 2")
    }
    try queue.close()
    let verify = try Self.ipt(["audit", "verify", store])
    #expect(verify.status == 1)
    #expect(verify.stdout.contains("the chain breaks: record 2 was altered or moved"))
    #expect(verify.stdout.contains("1 record verified before it"))
  }

  @Test func aCheckpointHoldsWhileTheLogGrows() throws {
    let scratch = try Scratch("audit-checkpoint")
    let store = scratch.at("audit.db")
    let key = scratch.at("key")
    let keygen = try Self.ipt(["audit", "keygen", "--out", key])
    #expect(keygen.status == 0)
    let publicKey = String(keygen.stdout.dropFirst("public key ".count).prefix(64))
    _ = try Self.ipt([
      "evaluate", "--audit", store, "--by", "t", "rules/ipt-core/cases/c01-grief-recent-death.yaml",
    ])
    let checkpoint = try Self.ipt(["audit", "checkpoint", store, "--key", key])
    #expect(checkpoint.status == 0)
    let file = try scratch.write("checkpoint.json", checkpoint.stdout)
    _ = try Self.ipt([
      "evaluate", "--audit", store, "--by", "t",
      "rules/ipt-core/cases/c02-dispute-renegotiation.yaml",
    ])
    let verify = try Self.ipt([
      "audit", "verify", store, "--checkpoint", file, "--public-key", publicKey,
    ])
    #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
    #expect(verify.stdout.contains("checkpoint at record 1"))
    let wrongKey = try Self.ipt([
      "audit", "verify", store, "--checkpoint", file, "--public-key",
      String(repeating: "ab", count: 32),
    ])
    #expect(wrongKey.status == 1)
    #expect(try Self.ipt(["audit", "keygen", "--out", key]).status == 2)  // never writes over a key
  }

  @Test func twoWritersAtOnceLoseNothing() throws {
    let scratch = try Scratch("audit-concurrent")
    let store = scratch.at("audit.db")
    let cases = try FileManager.default.contentsOfDirectory(
      atPath: TestSupport.path("rules/ipt-core/cases")
    ).filter { $0.hasSuffix(".yaml") }.count
    let processes = try (0..<2).map { n in
      let process = Process()
      process.executableURL = CLITests.binary
      process.arguments = [
        "evaluate", "--format", "jsonl", "--audit", store, "--by", "writer-\(n)",
        "rules/ipt-core/cases",
      ]
      process.currentDirectoryURL = URL(fileURLWithPath: TestSupport.root)
      process.standardOutput = FileHandle.nullDevice
      let errors = Pipe()
      process.standardError = errors
      try process.run()
      return (process, errors)
    }
    // Both writers start on a file that does not exist yet: they race to create the store.
    for (process, errors) in processes {
      let message = String(
        decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      process.waitUntilExit()
      #expect(process.terminationStatus == 0, "\(message)")
    }
    let verify = try Self.ipt(["audit", "verify", store])
    #expect(verify.status == 0, "\(verify.stdout)")
    #expect(verify.stdout.contains("\(2 * cases) records verified"))
    let export = try Self.ipt(["audit", "export", store]).stdout
    for n in 0..<2 {
      #expect(export.components(separatedBy: "\"by\":\"writer-\(n)\"").count - 1 == cases)
    }
  }

  @Test func aWriterKilledMidBatchLeavesEveryRecordItReported() throws {
    let scratch = try Scratch("audit-kill")
    let store = scratch.at("audit.db")
    // 400 cases: long enough to be killed in the middle.
    let source = try String(
      contentsOfFile: TestSupport.path("rules/ipt-core/cases/c01-grief-recent-death.yaml"),
      encoding: .utf8)
    for n in 0..<400 { try scratch.write(String(format: "cases/k%03d.yaml", n), source) }
    let process = Process()
    process.executableURL = CLITests.binary
    process.arguments = [
      "evaluate", "--format", "jsonl", "--audit", store, "--by", "t", scratch.at("cases"),
    ]
    process.currentDirectoryURL = URL(fileURLWithPath: TestSupport.root)
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    try process.run()
    var printed = Data()
    while printed.count(where: { $0 == UInt8(ascii: "\n") }) < 40 {
      let chunk = out.fileHandleForReading.availableData
      if chunk.isEmpty { break }
      printed.append(chunk)
    }
    kill(process.processIdentifier, SIGKILL)
    printed.append(out.fileHandleForReading.readDataToEndOfFile())
    process.waitUntilExit()
    #expect(process.terminationReason == .uncaughtSignal)
    let lines = printed.split(separator: UInt8(ascii: "\n")).filter { $0.last == UInt8(ascii: "}") }
      .count
    #expect(lines >= 40 && lines < 400)
    let verify = try Self.ipt(["audit", "verify", store])
    #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
    let count = try Self.ipt(["audit", "export", store]).stdout.split(separator: "\n").count
    // Every case reported as written is in the store: a chunk of 64 records is committed in one
    // transaction before its lines are printed, and a chunk is all there or not at all.
    #expect(count >= lines)
    #expect(count <= lines + 64)
    #expect(count % 64 == 0)
  }
}
