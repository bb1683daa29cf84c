public import RuleDiagnostics
public import TraineeCheck

/// The engine scored against formulations stated by published sources.
public struct AgreementRun: Sendable {
  /// The scores, the alerts the sources require and every case.
  public let report: AgreementReport
  /// Problems in the cases and formulations, sorted.
  public let diagnostics: [Diagnostic]
  /// Whether some case or formulation could not be used (it has errors).
  public let invalid: Bool
}
