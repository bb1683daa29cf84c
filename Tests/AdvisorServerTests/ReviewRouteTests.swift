import Advisor
@testable import AdvisorServer
import AuditStore
import Foundation
import Hummingbird
import HummingbirdTesting
import RuleDiagnostics
import RuleEngine
import Testing

@Suite("Review pages")
struct ReviewRouteTests {
  /// A new audit store holding two runs (c01 and c09).
  static func store() throws -> AuditStore {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("ipt-serve-\(UUID().uuidString).sqlite").path
    let store = try AuditStore.open(path, create: true)
    let advisor = try ServerHarness.advisor()
    let session = try AuditSession(
      store: store, advisor: advisor, by: "trainee-1", command: "evaluate")
    for name in ["c01-grief-recent-death", "c09-suicidal-grief"] {
      let file = SourceFile(
        path: "rules/ipt-core/cases/\(name).yaml",
        text: try ServerHarness.text("rules/ipt-core/cases/\(name).yaml"))
      let result = try #require(advisor.record(file).value)
      try session.recordRun(file: file, result: result)
    }
    return store
  }

  static func csrf(_ html: String) throws -> String {
    try #require(html.firstMatch(of: /name="csrf" value="([0-9a-f]+)"/)).output.1.description
  }

  @Test("the queue lists runs without review; accept and override are recorded")
  func acceptAndOverride() async throws {
    let store = try Self.store()
    let harness = try ServerHarness(audit: store)
    try await harness.test { client in
      try await client.execute(uri: "/review", method: .get) {
        #expect($0.status == .ok)
        #expect($0.text.contains("2 waiting for a review"))
        #expect($0.text.contains("href=\"/review/1\""))
      }
      let token = try await client.execute(uri: "/review/1", method: .get) { response in
        #expect(response.status == .ok)
        #expect(response.text.contains("<article"))
        return try Self.csrf(response.text)
      }
      // Without the CSRF token nothing is written.
      try await client.execute(
        uri: "/review/1", method: .post, headers: formHeaders,
        body: formBody([("by", "sup-a"), ("decision", "accept"), ("reason", "sound")])
      ) { #expect($0.status == .forbidden) }
      #expect(try store.reviews(of: 1).isEmpty)
      try await client.execute(
        uri: "/review/1", method: .post, headers: formHeaders,
        body: formBody([
          ("csrf", token), ("by", "sup-a"), ("decision", "accept"), ("reason", "sound <b>"),
        ])
      ) {
        #expect($0.status == .ok)
        #expect(!$0.text.contains("sound <b>"))
      }
      #expect(try store.reviews(of: 1).count == 1)
      try await client.execute(
        uri: "/review/2", method: .post, headers: formHeaders,
        body: formBody([
          ("csrf", token), ("by", "sup-a"), ("decision", "override"),
          ("overrides", "focus=grief"), ("reason", "safety first, then grief"),
        ])
      ) { #expect($0.status == .ok) }
      #expect(try store.reviews(of: 2).count == 1)
      try await client.execute(uri: "/review", method: .get) {
        #expect($0.text.contains("No run or check is waiting for a review"))
        #expect($0.text.contains("href=\"/review/report\""))
      }
      // The override report: both reviews counted, the override's rule and reason shown.
      try await client.execute(uri: "/review/report", method: .get) {
        #expect($0.status == .ok)
        #expect($0.text.components(separatedBy: "<h1").count == 2)
        #expect($0.text.contains("safety first, then grief"))
        #expect(!$0.text.contains("sound <b>"))
        #expect($0.text.contains("1 accepted"))
        #expect($0.text.contains("1 overridden"))
      }
      try await client.execute(uri: "/review/report?since=2999-01-01", method: .get) {
        #expect($0.status == .ok)
        #expect(!$0.text.contains("safety first, then grief"))
      }
      try await client.execute(
        uri: "/review/report?since=%3Cscript%3Ealert(1)%3C%2Fscript%3E", method: .get
      ) {
        #expect($0.status == .badRequest)
        #expect($0.text.contains("is not a date"))
        #expect(!$0.text.contains("<script>alert(1)"))
      }
    }
  }

  @Test("a review with a bad override, no reason or no record is refused and not written")
  func refusedReviews() async throws {
    let store = try Self.store()
    let harness = try ServerHarness(audit: store)
    try await harness.test { client in
      let token = try await client.execute(uri: "/review/1", method: .get) {
        try Self.csrf($0.text)
      }
      let bad: [[(String, String)]] = [
        [("decision", "override"), ("overrides", "focuss=grief"), ("reason", "r")],
        [("decision", "override"), ("overrides", "<script>x</script>"), ("reason", "r")],
        [("decision", "accept"), ("reason", "")],
        [("decision", "maybe"), ("reason", "r")],
      ]
      for fields in bad {
        try await client.execute(
          uri: "/review/1", method: .post, headers: formHeaders,
          body: formBody([("csrf", token), ("by", "sup-a")] + fields)
        ) {
          #expect($0.status == .badRequest, "\(fields)")
          #expect(!$0.text.contains("<script>x"))
        }
      }
      #expect(try store.reviews(of: 1).isEmpty)
      try await client.execute(uri: "/review/99", method: .get) {
        #expect($0.status == .notFound)
      }
    }
  }

  @Test("without an audit store the review page says how to get one")
  func noStore() async throws {
    try await ServerHarness().test { client in
      try await client.execute(uri: "/review", method: .get) {
        #expect($0.status == .notFound)
        #expect($0.text.contains("--audit"))
      }
    }
  }
}
