package import RuleDiagnostics
import RuleEngine

/// A trainee's formulation of a case, resolved against a program: the values chosen for each
/// output and the alerts taken into account, as indices into the program.
package struct Formulation: Sendable, Hashable {
  /// The id of the case it formulates.
  package var caseID: String
  /// Where that id is written in the formulation file.
  package var caseLocation: SourceLocation
  /// The (pseudonymous) trainee who wrote it.
  package var by: String
  /// The formulation file, as shown to the user.
  package var file: String
  /// SHA-256 of the formulation file's bytes, hex.
  package var sha256: String
  /// For each output of the program: the chosen values in file order without repeats, or nil when
  /// the formulation does not name the output (it then chose none of its values).
  package var picks: [[Int]?]
  /// Alerts the trainee took into account, in file order without repeats.
  package var alerts: [Int]
  /// Free text, kept and shown, never evaluated.
  package var rationale: String?

  /// Creates a formulation; `picks` has one entry per output of the program.
  package init(
    caseID: String, caseLocation: SourceLocation, by: String, file: String, sha256: String,
    picks: [[Int]?], alerts: [Int], rationale: String?
  ) {
    self.caseID = caseID
    self.caseLocation = caseLocation
    self.by = by
    self.file = file
    self.sha256 = sha256
    self.picks = picks
    self.alerts = alerts
    self.rationale = rationale
  }
}
