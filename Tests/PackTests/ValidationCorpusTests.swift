import Advisor
import RuleDiagnostics
import RuleWorkspace
import TestSupport
import Testing
import TraineeCheck

/// The validation corpus (validation/): published IPT cases, recorded as incompletely as their
/// sources are, scored against the formulations the sources state.
@Suite("Validation corpus")
struct ValidationCorpusTests {
  static func files(_ folder: String) throws -> [SourceFile] {
    try Workspace.yamlFiles(in: TestSupport.path("validation/\(folder)")).map {
      try Workspace.read($0)
    }
  }

  static func run() throws -> AgreementRun {
    try TestSupport.core().agreement(
      cases: try files("cases"), formulations: try files("formulations"))
  }

  @Test("the corpus is valid: at least 30 cases, each with a published formulation")
  func corpusIsValid() throws {
    let run = try Self.run()
    #expect(run.diagnostics.isEmpty, "\(run.diagnostics.map { "\($0.location): \($0.message)" })")
    #expect(!run.invalid)
    #expect(run.report.formulations >= 30)
    #expect(run.report.cases.count == run.report.formulations)
  }

  @Test("the problem area agrees with the source in at least 90% of the cases that state one")
  func focusAgreement() throws {
    let focus = try #require(try Self.run().report.output("focus"))
    #expect(focus.measure == .firstPick)
    #expect(focus.stated >= 15)
    #expect((focus.percent ?? 0) >= 90, "focus agreement \(focus.agreed)/\(focus.stated)")
  }

  @Test("the variant agrees with the source in at least 35 of the 37 cases that name one")
  func variantAgreement() throws {
    // The issue's target is 95%; two published choices are documented disagreements (docs/
    // validation.md: perinatal IPT for an anxiety disorder, and telephone IPC for distress that
    // the source does not record as depression). This pins the figure the README states, so a
    // regression fails here.
    let variant = try #require(try Self.run().report.output("variant"))
    #expect(variant.stated == 37)
    #expect(variant.agreed >= 35, "variant agreement \(variant.agreed)/\(variant.stated)")
  }

  @Test("every safety alert a source requires is raised")
  func alertsRaised() throws {
    let alerts = try Self.run().report.alerts
    #expect(alerts.required >= 9)
    #expect(alerts.missed.isEmpty, "\(alerts.missed)")
  }

  @Test("interpersonal deficits is never picked from missing data")
  func noDeficitsFromMissingData() throws {
    let focus = try #require(try Self.run().report.output("focus"))
    let deficits = try #require(focus.picks.first { $0.value == "interpersonal_deficits" })
    #expect(deficits.picked == 0)
  }

  @Test("every case cites its source and keeps what the source does not say in its notes")
  func casesCiteSources() throws {
    let unofficial = [
      "ebrary.net", "hozir.org", "scribd.com", "booksiview.com", "pneumiatry.com",
      "alpfmedical.info", "abratip.com.br",
    ]
    for file in try Self.files("cases") + Self.files("formulations") {
      #expect(file.text.contains("\nsource: "), "\(file.path) has no source")
      for host in unofficial {
        #expect(!file.text.contains(host), "\(file.path) links an unofficial copy (\(host))")
      }
    }
    for file in try Self.files("formulations") {
      #expect(file.text.contains("by: published-source"), "\(file.path)")
    }
  }
}
