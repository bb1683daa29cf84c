import Advisor
import AuditStore
import Foundation
import GRDB
import RuleDiagnostics
import RuleEngine
import RuleWorkspace
import TestSupport
import Testing

/// A store that cannot be used gets a one-line error, and is never changed by trying.
@Suite("audit store errors")
struct AuditStoreErrorTests {
  @Test func aMissingStoreIsAnErrorWhenReading() throws {
    let scratch = try Scratch("missing")
    let error = #expect(throws: AuditError.self) {
      try AuditStore.open(scratch.at("none.db"), create: false)
    }
    #expect(error?.reason == "no audit store here")
    #expect(!FileManager.default.fileExists(atPath: scratch.at("none.db")))
  }

  @Test func anotherDatabaseIsNotAnAuditStoreAndIsLeftAlone() throws {
    let scratch = try Scratch("other-db")
    let path = scratch.at("other.db")
    let queue = try DatabaseQueue(path: path)
    try queue.write { db in try db.execute(sql: "CREATE TABLE patients(id INTEGER)") }
    try queue.close()
    let before = try Data(contentsOf: URL(fileURLWithPath: path))
    let error = #expect(throws: AuditError.self) { try AuditStore.open(path, create: true) }
    #expect(error?.reason.hasPrefix("not an ipt audit store") == true)
    #expect(error?.description.contains("\n") == false)
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
  }

  @Test func aNewerSchemaIsRefused() throws {
    let fixture = try AuditFixture("newer")
    try fixture.run(["c01-grief-recent-death"])
    let queue = try DatabaseQueue(path: fixture.path)
    try queue.writeWithoutTransaction { db in
      try db.execute(sql: "INSERT INTO grdb_migrations(identifier) VALUES ('v2')")
      try db.execute(sql: "INSERT OR REPLACE INTO audit_meta(key, value) VALUES ('schema', '2')")
    }
    try queue.close()
    let error = #expect(throws: AuditError.self) {
      try AuditStore.open(fixture.path, create: false)
    }
    #expect(
      error?.reason
        == "the audit store was written by a newer ipt (schema 2, this ipt reads up to 1)")
  }

  @Test func aCorruptFileIsAnError() throws {
    let scratch = try Scratch("corrupt")
    let path = try scratch.write(
      "audit.db", Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 31) }))
    let error = #expect(throws: AuditError.self) { try AuditStore.open(path, create: true) }
    #expect(error?.reason.hasPrefix("cannot read the audit store") == true)
  }

  @Test func aTruncatedStoreIsAnError() throws {
    let fixture = try AuditFixture("truncated")
    try fixture.run(["c01-grief-recent-death", "c02-dispute-renegotiation"])
    let copy = fixture.scratch.at("copy.db")
    let queue = try DatabaseQueue(path: copy)
    try queue.writeWithoutTransaction { db in
      try db.execute(sql: "ATTACH DATABASE ? AS source", arguments: [fixture.path])
      try db.execute(sql: "VACUUM source INTO ?", arguments: [copy + ".full"])
    }
    try queue.close()
    let full = try Data(contentsOf: URL(fileURLWithPath: copy + ".full"))
    let path = try fixture.scratch.write("half.db", full.prefix(full.count / 2))
    #expect(throws: AuditError.self) {
      let store = try AuditStore.open(path, create: false)
      _ = try store.verify()
    }
  }

  @Test func aFolderIsNotAStore() throws {
    let scratch = try Scratch("folder")
    let error = #expect(throws: AuditError.self) { try AuditStore.open(scratch.path, create: true) }
    #expect(error?.reason == "a folder, not an audit store")
  }

  @Test func aRecordThatIsNotThereIsAnError() throws {
    let fixture = try AuditFixture("no-record")
    try fixture.run(["c01-grief-recent-death"])
    let error = #expect(throws: AuditError.self) { try fixture.store.record(7) }
    #expect(error?.reason == "no record 7 in the audit store")
  }
}
