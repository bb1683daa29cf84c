import RuleCompiler
import RuleDiagnostics
import RuleEngine
import RuleSyntax

/// Every diagnostic specific to trainee formulations (unknown names reuse `CheckCatalogue`).
enum FormulationCatalogue {
  static func caseMismatch(_ id: String, expected: String, at location: SourceLocation)
    -> Diagnostic
  {
    Diagnostic(
      .error, code: .formulationCaseMismatch,
      "the formulation is of case '\(id)', but the case given is '\(expected)'", at: location,
      hint: "give the formulation of case '\(expected)', or correct 'formulation:'")
  }

  static func noSuchCase(_ id: String, candidates: [String], at location: SourceLocation)
    -> Diagnostic
  {
    Diagnostic(
      .error, code: .formulationCaseMismatch, "no case '\(id)' among the cases given",
      at: location,
      hint: Suggest.hint(for: id, in: candidates) ?? "give the case file, or correct 'formulation:'"
    )
  }

  static func duplicate(
    by: String, caseID: String, at location: SourceLocation, first: SourceLocation
  )
    -> Diagnostic
  {
    Diagnostic(
      .error, code: .duplicateFormulation,
      "'\(by)' has more than one formulation of case '\(caseID)'",
      at: location, hint: "keep one formulation per trainee and case",
      notes: [.init("first formulation here", at: first)])
  }

  static func duplicateCase(_ id: String, at location: SourceLocation, first: SourceLocation)
    -> Diagnostic
  {
    Diagnostic(
      .error, code: .duplicateName,
      "case '\(id)' is given by more than one case file, so its formulations cannot be matched",
      at: location, hint: "give each case file its own 'case:' id",
      notes: [.init("first given here", at: first)])
  }

  static func repeated(_ value: String, in key: String, at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      .warning, code: .duplicateValue, "'\(value)' is listed more than once under '\(key)'",
      at: location,
      hint: "remove the repeat")
  }
}
