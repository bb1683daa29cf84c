import Advisor
import RuleDiagnostics
import RuleEngine
import TestSupport
import Testing
import TraineeCheck

/// The default pack and the sample cases and formulations, checked through the front door under
/// paths relative to the repository root, so that reports are the same on every machine.
enum Samples {
  static let engineVersion = "test"

  /// Checks a sample formulation against the sample case it names.
  static func check(_ formulationPath: String) throws -> CheckReport {
    let advisor = try TestSupport.core()
    let file = try TestSupport.read(formulationPath)
    let caseID = try #require(
      file.text.split(separator: "\n").first { $0.hasPrefix("formulation: ") }?.dropFirst(13))
    let run = advisor.check(
      cases: [try TestSupport.read("rules/ipt-core/cases/\(caseID).yaml")], formulations: [file])
    var report = try #require(
      run.reports.first, "\(run.diagnostics.map { "\($0.location): \($0.message)" })")
    report.engine = engineVersion
    return report
  }

  /// The pack hash changes with every edit of the pack; the snapshots do not record it.
  static func expect(
    _ actual: String, matches name: String,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) throws {
    let sha = try TestSupport.corePack().pack.sha256
    if let problem = Snapshot.check(
      actual, named: name, target: "FormulationCheckTests",
      replacing: [(sha, "<pack-sha256>"), (String(sha.prefix(12)), "<pack-sha256>")])
    {
      Issue.record(Comment(rawValue: problem), sourceLocation: sourceLocation)
    }
  }
}
