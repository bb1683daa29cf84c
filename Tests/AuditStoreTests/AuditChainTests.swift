import Advisor
import AuditStore
import Foundation
import GRDB
import RuleDiagnostics
import RuleEngine
import RuleRender
import RuleWorkspace
import TestSupport
import Testing

/// The chain: every record verifies, and each kind of tampering (done with raw SQL on a copy) is
/// found at the record where it happened.
@Suite("audit chain")
struct AuditChainTests {
  static let cases = [
    "c01-grief-recent-death", "c02-dispute-renegotiation", "c05-transition-job-loss-isolation",
    "c09-suicidal-grief", "c16-psychotic-depression",
  ]

  @Test func recordsChainAndVerify() throws {
    let fixture = try AuditFixture("chain")
    let records = try fixture.run(Self.cases)
    #expect(records.map(\.seq) == [1, 2, 3, 4, 5])
    #expect(records[0].prevHash == AuditRecord.genesis)
    for (a, b) in zip(records, records.dropFirst()) { #expect(b.prevHash == a.hash) }
    for record in records { #expect(record.hash == record.computedHash) }
    let verification = try fixture.store.verify()
    #expect(verification.holds)
    #expect(verification.verified == 5)
    #expect(verification.head == records[4].hash)
    // The stored result is exactly the line `ipt evaluate --format jsonl` prints.
    let file = try TestSupport.read("rules/ipt-core/cases/c01-grief-recent-death.yaml")
    let line = try #require(fixture.advisor.record(file).value).jsonLine
    #expect(records[0].result == line)
  }

  @Test func canonicalBytesLeaveOutTheHashAndSortKeys() throws {
    let fixture = try AuditFixture("canonical")
    let record = try #require(try fixture.run(["c01-grief-recent-death"]).first)
    let text = String(decoding: record.canonicalBytes, as: UTF8.self)
    #expect(!text.contains("\"hash\""))
    #expect(
      text.hasPrefix("{\"at\":\"2026-11-02T09:01:00.000Z\",\"by\":\"trainee-a\",\"case_file\":"))
    #expect(!text.contains(" \""))
  }

  @Test func canonicalStringsHaveOnlyTheEscapesJSONRequires() throws {
    let fixture = try AuditFixture("escapes")
    let session = try AuditSession(
      store: fixture.store, advisor: fixture.advisor, by: "a\"b\\c/d\n\u{1}é", command: "evaluate")
    let file = try TestSupport.read("rules/ipt-core/cases/c01-grief-recent-death.yaml")
    let record = try session.recordRun(
      file: file, result: try #require(fixture.advisor.record(file).value))
    let text = String(decoding: record.canonicalBytes, as: UTF8.self)
    #expect(text.contains(#""by":"a\"b\\c/d\n\u0001é""#))
    #expect(try fixture.store.verify().holds)
  }

  @Test func anEditedRecordIsFound() throws {
    let fixture = try AuditFixture("edit")
    try fixture.run(Self.cases)
    let copy = try fixture.tamperedCopy(
      "edited.db",
      "UPDATE record SET result = replace(result, 'grief', 'role_dispute') WHERE seq = 4")
    let verification = try copy.verify()
    #expect(verification.problem == .altered(seq: 4))
    #expect(verification.verified == 3)
    #expect(
      verification.problem?.description
        == "record 4 was altered or moved: its hash does not match its contents")
  }

  @Test func anEditWithARecomputedHashBreaksTheNextLink() throws {
    let fixture = try AuditFixture("rehash")
    try fixture.run(Self.cases)
    // Change who ran record 2 and give it a hash that matches its new contents.
    var forged = try fixture.store.record(2)
    forged.by = "someone-else"
    forged.hash = forged.computedHash
    let copy = try fixture.tamperedCopy(
      "rehashed.db", "UPDATE record SET by = 'someone-else', hash = '\(forged.hash)' WHERE seq = 2")
    #expect(try copy.verify().problem == .unlinked(seq: 3))
  }

  @Test func aDeletedRecordIsFound() throws {
    let fixture = try AuditFixture("delete")
    try fixture.run(Self.cases)
    let copy = try fixture.tamperedCopy("deleted.db", "DELETE FROM record WHERE seq = 3")
    let verification = try copy.verify()
    #expect(verification.problem == .missing(after: 2, seq: 4))
    #expect(
      verification.problem?.description
        == "record 3 is missing (deleted): the chain goes from 2 to 4")
  }

  @Test func anInsertedRecordIsFound() throws {
    let fixture = try AuditFixture("insert")
    try fixture.run(Self.cases)
    // Make room after record 2 and insert a copy of record 1 there.
    let copy = try fixture.tamperedCopy(
      "inserted.db",
      """
      UPDATE record SET seq = seq + 100 WHERE seq >= 3;
      UPDATE record SET seq = seq - 99 WHERE seq >= 103;
      INSERT INTO record SELECT 3, kind, at, by, command, engine, pack_id, pack_version,
        pack_sha256, pack_snapshot, case_id, case_file, case_sha256, formulation_file,
        formulation_sha256, result, verdicts, subject, review, prev_hash, hash
        FROM record WHERE seq = 1;
      """)
    let verification = try copy.verify()
    #expect(verification.problem == .altered(seq: 3))
    #expect(verification.verified == 2)
  }

  @Test func reorderedRecordsAreFound() throws {
    let fixture = try AuditFixture("reorder")
    try fixture.run(Self.cases)
    let copy = try fixture.tamperedCopy(
      "reordered.db",
      """
      UPDATE record SET seq = 100 WHERE seq = 2;
      UPDATE record SET seq = 2 WHERE seq = 3;
      UPDATE record SET seq = 3 WHERE seq = 100;
      """)
    let verification = try copy.verify()
    #expect(verification.problem == .altered(seq: 2))
    #expect(verification.verified == 1)
  }

  @Test func anAlteredStoredCaseIsFound() throws {
    let fixture = try AuditFixture("blob")
    let records = try fixture.run(Self.cases)
    let sha = try #require(records[0].caseSHA256)
    let copy = try fixture.tamperedCopy(
      "blob.db", "UPDATE blob SET bytes = CAST('id: forged' AS BLOB) WHERE sha256 = '\(sha)'")
    #expect(try copy.verify().problem == .fileAltered(sha256: sha))
  }

  @Test func theStoreIsAppendOnly() throws {
    let fixture = try AuditFixture("append-only")
    try fixture.run(["c01-grief-recent-death"])
    let queue = try DatabaseQueue(path: fixture.path)
    #expect(throws: DatabaseError.self) {
      try queue.write { db in try db.execute(sql: "UPDATE record SET by = 'x'") }
    }
    #expect(throws: DatabaseError.self) {
      try queue.write { db in try db.execute(sql: "DELETE FROM blob") }
    }
    try queue.close()
    #expect(try fixture.store.verify().holds)
  }

  @Test func aSignedCheckpointProvesTheLogUpToIt() throws {
    let fixture = try AuditFixture("checkpoint")
    try fixture.run(Self.cases)
    let keys = CheckpointKey.generate()
    let checkpoint = try fixture.store.checkpoint(keyText: keys.privateKey)
    #expect(checkpoint.seq == 5)
    #expect(checkpoint.signatureHolds(trusted: keys.publicKey))
    #expect(!checkpoint.signatureHolds(trusted: CheckpointKey.generate().publicKey))
    let verification = try fixture.store.verify()
    #expect(
      fixture.store.check(checkpoint, trusted: keys.publicKey, verification: verification) == nil)
    // A forged signature, and a chain rewritten from record 4 on, are both caught.
    var forged = checkpoint
    forged.head = String(repeating: "a", count: 64)
    #expect(fixture.store.check(forged, verification: verification) != nil)
    let truncated = try fixture.tamperedCopy("truncated.db", "DELETE FROM record WHERE seq = 5")
    let truncatedVerification = try truncated.verify()
    // Deleting the last record leaves a valid chain, which the checkpoint exposes.
    #expect(truncatedVerification.holds)
    #expect(truncated.check(checkpoint, verification: truncatedVerification) != nil)
  }
}

extension BatchRecord {
  /// The record as one line, as the store keeps it.
  var jsonLine: String {
    var text = JSONText.encode(self, pretty: false)
    if text.hasSuffix("\n") { text.removeLast() }
    return text
  }
}
