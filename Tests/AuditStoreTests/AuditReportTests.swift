import Advisor
import AuditStore
import Foundation
import RuleDiagnostics
import RuleEngine
import RuleRender
import RuleWorkspace
import TestSupport
import Testing

/// The supervisor's report over a store, as golden files in every format.
@Suite("audit report")
struct AuditReportTests {
  /// Runs, checks by two trainees, an override and an acceptance.
  static func store() throws -> AuditFixture {
    let fixture = try AuditFixture("report")
    try fixture.run(["c01-grief-recent-death", "c02-dispute-renegotiation", "c09-suicidal-grief"])
    try fixture.check("f01-agree", case: "c01-grief-recent-death", by: "trainee-b")
    try fixture.check("f02-missed-area", case: "c07-two-areas-move-and-marriage", by: "trainee-b")
    try fixture.store.appendReview(
      subject: 1, by: "supervisor-a",
      review: AuditReview(
        decision: .override, overrides: ["focus": ["role_dispute"]],
        reason: "the death was years ago; the dispute with the sister drives the episode"))
    try fixture.store.appendReview(
      subject: 2, by: "supervisor-a",
      review: AuditReview(decision: .accept, overrides: [:], reason: "sound"))
    return fixture
  }

  func check(_ text: String, named name: String, fixture: AuditFixture) throws {
    let sha = fixture.advisor.program.pack.sha256
    let failure = Snapshot.check(
      text, named: name, target: "AuditStoreTests",
      replacing: [(sha, "<pack-sha256>"), (String(sha.prefix(12)), "<pack-sha>")])
    #expect(failure == nil, "\(failure ?? "")")
  }

  @Test func reportFigures() throws {
    let fixture = try Self.store()
    let report = try fixture.store.report()
    #expect((report.runs, report.checks, report.reviews) == (3, 2, 2))
    #expect((report.accepted, report.overridden) == (1, 1))
    #expect(report.open.map(\.seq) == [3, 4, 5])
    #expect(report.open.first?.critical == true)  // c09: critical alerts come first
    let overridden = report.rules.filter { $0.overridden > 0 }
    #expect(!overridden.isEmpty)
    #expect(overridden.allSatisfy { $0.rule.hasPrefix("grief.") })
    #expect(
      overridden.first?.reasons == [
        "the death was years ago; the dispute with the sister drives the episode"
      ])
    #expect(report.trainees.map(\.trainee) == ["trainee-04", "trainee-11"])
  }

  @Test func aCriticalGateThatRemovesEverySuggestionIsListedFirst() throws {
    // Severe dementia: a critical gate and nothing left to defer (deferred_pending_safety false).
    let fixture = try AuditFixture("report-gate")
    try fixture.run(["c01-grief-recent-death", "c24-severe-dementia"])
    let open = try fixture.store.report().open
    #expect(open.map(\.caseID) == ["c24-severe-dementia", "c01-grief-recent-death"])
    #expect(open.map(\.critical) == [true, false])
  }

  @Test func sinceCountsOnlyLaterRecords() throws {
    let fixture = try Self.store()
    let report = try fixture.store.report(since: "2026-11-02T09:04")
    #expect((report.runs, report.checks, report.reviews) == (0, 2, 2))
    #expect((report.accepted, report.overridden) == (1, 1))
  }

  @Test func goldenText() throws {
    let fixture = try Self.store()
    let document = AuditReportDocument().document(try fixture.store.report())
    try check(TextRenderer(colour: false).render(document), named: "report.txt", fixture: fixture)
    try check(MarkdownRenderer().render(document), named: "report.md", fixture: fixture)
  }

  @Test func goldenJSONAndCSV() throws {
    let fixture = try Self.store()
    let report = try fixture.store.report()
    try check(JSONText.encode(report), named: "report.json", fixture: fixture)
    try check(AuditReportDocument().csv(report), named: "report.csv", fixture: fixture)
  }

  @Test func csvQuotesFields() {
    #expect(AuditReportDocument.field("a, b") == "\"a, b\"")
    #expect(AuditReportDocument.field("say \"no\"") == "\"say \"\"no\"\"\"")
    #expect(AuditReportDocument.field("plain") == "plain")
  }

  @Test func showRederivesTheExplanationAndListsReviews() throws {
    let fixture = try Self.store()
    let documents = try AuditRecordDocument(store: fixture.store).documents(1)
    let text = documents.map { TextRenderer(colour: false).render($0) }.joined(separator: "\n")
    #expect(text.contains("Replayed with this engine: identical to the stored result."))
    #expect(text.contains("by supervisor-a: overridden: focus = role_dispute."))
    #expect(text.contains("ALERTS (SAFETY FIRST, NEVER RANKED AWAY)"))
    let check = try AuditRecordDocument(store: fixture.store).documents(4)
    #expect(check.count == 2)
  }
}
