import Advisor
import AuditStore
import Foundation
import RuleDiagnostics
import RuleEngine
import RuleWorkspace
import TestSupport
import Testing

/// Reviews are chained records that name the run they review; nothing is changed in place.
@Suite("audit reviews")
struct AuditReviewTests {
  @Test func reviewsAreAppendedAndChained() throws {
    let fixture = try AuditFixture("review")
    try fixture.run(["c01-grief-recent-death", "c02-dispute-renegotiation"])
    let before = try fixture.store.record(1)
    let review = try fixture.store.appendReview(
      subject: 1, by: "supervisor-a",
      review: AuditReview(
        decision: .override, overrides: ["focus": ["role_dispute"]],
        reason: "the dispute drives the episode"))
    #expect(review.seq == 3)
    #expect(review.kind == .review)
    #expect(review.subject == 1)
    #expect(review.prevHash == (try fixture.store.record(2)).hash)
    #expect(try fixture.store.record(1) == before)
    try fixture.store.appendReview(
      subject: 1, by: "supervisor-b",
      review: AuditReview(decision: .accept, overrides: [:], reason: "on reflection, grief"))
    #expect(try fixture.store.reviews(of: 1).map(\.by) == ["supervisor-a", "supervisor-b"])
    #expect(try fixture.store.verify().verified == 4)
  }

  @Test func anOverrideNamesRealOutputsAndValues() throws {
    let fixture = try AuditFixture("review-names")
    try fixture.run(["c01-grief-recent-death"])
    let wrongOutput = #expect(throws: AuditError.self) {
      try fixture.store.appendReview(
        subject: 1, by: "s",
        review: AuditReview(decision: .override, overrides: ["focs": ["grief"]], reason: "r"))
    }
    #expect(
      wrongOutput?.description.hasSuffix("the pack has no output 'focs' (did you mean 'focus'?)")
        == true)
    let wrongValue = #expect(throws: AuditError.self) {
      try fixture.store.appendReview(
        subject: 1, by: "s",
        review: AuditReview(decision: .override, overrides: ["focus": ["grif"]], reason: "r"))
    }
    #expect(wrongValue?.reason == "'grif' is not a value of focus")
    #expect(wrongValue?.hint == "did you mean 'grief'?")
    #expect(try fixture.store.count() == 1)
  }

  @Test func aReviewNeedsAReasonAReviewerAndARun() throws {
    let fixture = try AuditFixture("review-needs")
    try fixture.run(["c01-grief-recent-death"])
    let accept = AuditReview(decision: .accept, overrides: [:], reason: "fine")
    #expect(throws: AuditError.self) {
      try fixture.store.appendReview(
        subject: 1, by: "s", review: AuditReview(decision: .accept, overrides: [:], reason: " "))
    }
    #expect(throws: AuditError.self) {
      try fixture.store.appendReview(subject: 1, by: "", review: accept)
    }
    #expect(throws: AuditError.self) {
      try fixture.store.appendReview(subject: 9, by: "s", review: accept)
    }
    try fixture.store.appendReview(subject: 1, by: "s", review: accept)
    let ofReview = #expect(throws: AuditError.self) {
      try fixture.store.appendReview(subject: 2, by: "s", review: accept)
    }
    #expect(ofReview?.hint == "review record 1")
  }

  @Test func overrideArgumentsParse() {
    #expect(AuditReview.override("focus=role_dispute")?.values == ["role_dispute"])
    #expect(AuditReview.override("technique=a, b")?.values == ["a", "b"])
    #expect(AuditReview.override("variant=")?.values == [])
    #expect(AuditReview.override("=x") == nil)
    #expect(AuditReview.override("focus") == nil)
  }
}
