import Advisor
import AuditStore
import Foundation
import RuleDiagnostics
import RuleEngine
import RuleWorkspace
import TestSupport
import Testing

/// Replay re-runs a record from the pack files and case bytes the store kept.
@Suite("audit replay")
struct AuditReplayTests {
  @Test func everyRecordReplaysIdentically() throws {
    let fixture = try AuditFixture("replay")
    try fixture.run(AuditChainTests.cases)
    try fixture.check("f01-agree", case: "c01-grief-recent-death")
    let replayer = AuditReplayer(store: fixture.store)
    for record in try fixture.store.records() {
      let result = replayer.replay(record)
      #expect(result.identical, "record \(record.seq): \(result.differences)")
    }
  }

  @Test func replayUsesTheStoredPackAfterThePackFolderChanged() throws {
    // A copy of the default pack on disk, evaluated and recorded, then edited.
    let scratch = try Scratch("replay-pack")
    let pack = scratch.at("pack")
    try FileManager.default.copyItem(
      atPath: TestSupport.path("rules/ipt-core"), toPath: pack)
    let load = Advisor.load(.disk(pack))
    let advisor = try #require(load.advisor)
    let fixture = try AuditFixture("replay-pack-store", advisor: advisor)
    let record = try #require(try fixture.run(["c01-grief-recent-death"]).first)

    let grief = pack + "/rules/grief.yaml"
    let text = try String(contentsOfFile: grief, encoding: .utf8)
    try text.replacing("weight: 3", with: "weight: 1").write(
      toFile: grief, atomically: true, encoding: .utf8)
    let changed = try #require(Advisor.load(.disk(pack)).advisor)
    #expect(changed.program.pack.sha256 != advisor.program.pack.sha256)
    let file = try TestSupport.read("rules/ipt-core/cases/c01-grief-recent-death.yaml")
    #expect(changed.record(file).value?.jsonLine != record.result)

    try FileManager.default.removeItem(atPath: pack)
    let result = AuditReplayer(store: fixture.store).replay(record)
    #expect(result.identical, "\(result.differences)")
  }

  @Test func aReleaseModeRunReplaysInReleaseMode() throws {
    let release = try #require(Advisor.load(.disk("rules/ipt-core"), mode: .release).advisor)
    let fixture = try AuditFixture("replay-release", advisor: release)
    let record = try #require(try fixture.run(["c01-grief-recent-death"]).first)
    #expect(record.result?.contains("\"mode\":\"release\"") == true)
    #expect(record.result?.contains("\"would_fire\":[") == true)
    let result = AuditReplayer(store: fixture.store).replay(record)
    #expect(result.identical, "\(result.differences)")
  }

  @Test func aStoredResultThatDiffersIsReportedFieldByField() throws {
    let fixture = try AuditFixture("replay-differs")
    try fixture.run(["c01-grief-recent-death"])
    let copy = try fixture.tamperedCopy(
      "differs.db",
      "UPDATE record SET result = replace(result, '\"focus\":[\"grief\"]', '\"focus\":[\"role_dispute\"]')"
    )
    let record = try copy.record(1)
    let result = AuditReplayer(store: copy).replay(record)
    #expect(!result.identical)
    #expect(result.differences == [#"picked.focus: stored ["role_dispute"], now ["grief"]"#])
  }

  @Test func aMissingPackFileIsSaid() throws {
    let fixture = try AuditFixture("replay-missing")
    let record = try #require(try fixture.run(["c01-grief-recent-death"]).first)
    let snapshot = try #require(record.packSnapshot)
    let copy = try fixture.tamperedCopy(
      "missing.db", "DELETE FROM blob WHERE kind = 'pack-file' AND sha256 <> '\(snapshot)'")
    let result = AuditReplayer(store: copy).replay(try copy.record(1))
    #expect(!result.identical)
    #expect(result.differences.first?.contains("is not in the store") == true)
    #expect(
      try copy.verify().problem
        == .fileMissing(
          seq: 1,
          sha256: try #require(
            (try copy.blob(snapshot)).flatMap { bytes in
              try? JSONDecoder().decode(PackSnapshot.self, from: Data(bytes)).files.first?.sha256
            })))
  }
}
