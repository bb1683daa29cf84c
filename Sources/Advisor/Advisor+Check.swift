public import RuleDiagnostics
import RuleEngine
import TraineeCheck

extension Advisor {
  /// Checks trainees' formulations against the engine's explanations of their cases. Each
  /// formulation is matched to its case by the case id (several trainees may formulate one case);
  /// with one case and one formulation, a formulation of another case is an error.
  public func check(cases: [SourceFile], formulations: [SourceFile]) -> CheckRun {
    let compared = compare(cases: cases, formulations: formulations)
    let builder = CheckReportBuilder(reports: reports)
    let reports = compared.pairs.map { pair in
      builder.report(
        program.compare(pair.formulation, with: pair.explanation), formulation: pair.formulation,
        explanation: pair.explanation, facts: pair.facts)
    }
    return CheckRun(
      reports: reports, summary: builder.summary(reports, caseIDs: compared.caseIDs),
      diagnostics: compared.diagnostics, invalid: compared.invalid)
  }
}
