public import RuleDiagnostics

/// A trainee's formulation of a case.
public struct FormulationSyntax: Sendable {
  public var caseID: Located<String>
  public var by: Located<String>
  /// Output name and the values the trainee chose, in file order.
  public var picks: [(output: Located<String>, values: [Located<String>])]
  public var alerts: [Located<String>]
  public var rationale: String?
  public var file: SourceFile
}
