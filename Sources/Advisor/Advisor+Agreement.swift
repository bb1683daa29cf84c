public import RuleDiagnostics
import RuleEngine
import TraineeCheck

extension Advisor {
  /// Scores the engine against formulations that published sources state (a validation corpus):
  /// per output, how often the engine agrees; which safety alerts the sources require and the
  /// engine raises. Formulations are matched to their cases as in `check`.
  public func agreement(cases: [SourceFile], formulations: [SourceFile]) -> AgreementRun {
    let compared = compare(cases: cases, formulations: formulations)
    let builder = AgreementReportBuilder(program: program, engineVersion: Self.engineVersion)
    let report = builder.report(
      compared.pairs.map { ($0.formulation, $0.facts.file, $0.explanation) })
    return AgreementRun(
      report: report, diagnostics: compared.diagnostics, invalid: compared.invalid)
  }
}
