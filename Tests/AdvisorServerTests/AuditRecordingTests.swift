import Advisor
@testable import AdvisorServer
import AuditStore
import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import RuleDiagnostics
import RuleRender
import Testing

/// With `--audit`, every evaluation and check the server makes is a chained record of the store,
/// whichever way it came (API, page, form, CDS Hooks); a case with errors is not a run; a run the
/// store refuses gets 500 and no answer.
@Suite("Audit recording")
struct AuditRecordingTests {
  /// A new store and a session recording for `ipt-serve`.
  static func recorder() throws -> (AuditStore, AuditSession) {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("ipt-serve-record-\(UUID().uuidString).sqlite").path
    let store = try AuditStore.open(path, create: true)
    let session = try AuditSession(
      store: store, advisor: try ServerHarness.advisor(), by: "ipt-serve", command: "serve")
    return (store, session)
  }

  @Test("evaluations and checks through the API, the pages and CDS Hooks are recorded")
  func everyWayIsRecorded() async throws {
    let (store, session) = try Self.recorder()
    let harness = try ServerHarness(audit: store, recorder: session)
    let c01 = try ServerHarness.text("rules/ipt-core/cases/c01-grief-recent-death.yaml")
    let c09 = try ServerHarness.text("rules/ipt-core/cases/c09-suicidal-grief.yaml")
    let formulation = try ServerHarness.text("formulations/f01-agree.yaml")
    try await harness.test { client in
      try await client.execute(uri: "/v1/evaluate", method: .post, body: .text(c01)) {
        #expect($0.status == .ok)
      }
      try await client.execute(
        uri: "/evaluate", method: .post, headers: formHeaders, body: formBody([("case", c09)])
      ) { #expect($0.status == .ok) }
      // A case with errors is no run: nothing is recorded for it.
      try await client.execute(
        uri: "/v1/evaluate", method: .post, body: .text("case: x\nfindings: {phq: 3}\n")
      ) { #expect($0.status == .badRequest) }
      let check = JSONText.encode(["case": c01, "formulation": formulation])
      try await client.execute(uri: "/v1/check", method: .post, body: .text(check)) {
        #expect($0.status == .ok)
      }
      let hook = CDSHooksTests.request(prefetch: ["iptCase": .string(c09)])
      try await client.execute(
        uri: "/cds-services/ipt-advisor", method: .post,
        headers: [.contentType: "application/json"], body: .text(hook)
      ) { #expect($0.status == .ok) }
    }
    let records = try store.records()
    #expect(records.map(\.kind) == [.run, .run, .check, .run])
    let c01ID = "c01-grief-recent-death"
    let c09ID = "c09-suicidal-grief"
    #expect(records.map(\.caseID) == [c01ID, c09ID, c01ID, c09ID])
    #expect(records.allSatisfy { $0.by == "ipt-serve" && $0.command == "serve" })
    #expect(try store.verify().holds)
  }

  @Test("a run the audit store refuses gets 500 and no report")
  func refusedRecord() async throws {
    let (store, session) = try Self.recorder()
    // The store refuses every new record, as a full disk or a broken file would.
    let queue = try DatabaseQueue(path: store.path)
    try await queue.write { db in
      try db.execute(
        sql:
          "CREATE TRIGGER refuse BEFORE INSERT ON record BEGIN SELECT RAISE(ABORT, 'refused'); END"
      )
    }
    let harness = try ServerHarness(audit: store, recorder: session)
    let c01 = try ServerHarness.text("rules/ipt-core/cases/c01-grief-recent-death.yaml")
    try await harness.test { client in
      try await client.execute(uri: "/v1/evaluate", method: .post, body: .text(c01)) {
        #expect($0.status == .internalServerError)
        #expect($0.text.contains("audit-unwritable"))
        #expect(!$0.text.contains("ipt-advisor/evaluation/1"))
      }
      try await client.execute(
        uri: "/evaluate", method: .post, headers: formHeaders, body: formBody([("case", c01)])
      ) {
        #expect($0.status == .internalServerError)
        #expect($0.text.contains("audit-unwritable"))
        #expect(!$0.text.contains("Problem-area focus"))
      }
    }
    #expect(try store.count() == 0)
  }
}
