public import RuleDiagnostics
public import TraineeCheck

/// Trainees' formulations checked against the engine's explanations of their cases.
public struct CheckRun: Sendable {
  /// One check per formulation matched to a valid case, in the order the formulations were given.
  public let reports: [CheckReport]
  /// The supervisor's overview of every check.
  public let summary: CheckSummary
  /// Problems in the cases and formulations, sorted.
  public let diagnostics: [Diagnostic]
  /// Whether some case or formulation could not be used (it has errors).
  public let invalid: Bool

  /// Missed, unsupported and contested values plus ignored warning and critical alerts, over
  /// every check.
  public var disagreements: Int { reports.reduce(0) { $0 + $1.disagreements } }
}
