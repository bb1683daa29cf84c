package import RuleDiagnostics

/// A trainee's formulation of a case.
package struct FormulationSyntax: Sendable {
  package var caseID: Located<String>
  package var by: Located<String>
  /// Output name and the values the trainee chose, in file order.
  package var picks: [(output: Located<String>, values: [Located<String>])]
  package var alerts: [Located<String>]
  package var rationale: String?
  /// Where a formulation taken from a published case comes from (kept, never evaluated).
  package var source: String?
  /// Free text about the formulation (kept, never evaluated).
  package var notes: String?
  package var file: SourceFile
}
