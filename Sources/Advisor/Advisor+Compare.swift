import RuleDiagnostics
import RuleEngine
import RuleSyntax
import RuleWorkspace
import TraineeCheck

/// Formulations matched to their cases and each case explained once: what `check` and
/// `agreement` both start from.
struct Compared {
  /// One formulation with the facts and the explanation of its case, in formulation order.
  var pairs: [(formulation: Formulation, facts: CaseFacts, explanation: Explanation)]
  /// Every valid case given, in order.
  var caseIDs: [String]
  /// Problems in the cases and formulations, sorted.
  var diagnostics: [Diagnostic]
  /// Whether some case or formulation could not be used.
  var invalid: Bool
}

extension Advisor {
  /// Loads the cases and formulations, matches each formulation to its case by the case id (with
  /// one case and one formulation, a formulation of another case is an error) and explains every
  /// case that has a formulation.
  func compare(cases: [SourceFile], formulations: [SourceFile]) -> Compared {
    var diagnostics: [Diagnostic] = []
    var invalid = false
    var outcomes: [(facts: CaseFacts, explanation: Explanation?)] = []
    var invalidCaseIDs: [String] = []
    for file in cases {
      let checked = facts(file)
      diagnostics += checked.diagnostics
      if let value = checked.value {
        outcomes.append((value, nil))
      } else {
        invalid = true
        // Its formulations are not compared, but they are not "of no case" either.
        if let id = Loader.loadCase(file).0?.id.value { invalidCaseIDs.append(id) }
      }
    }
    if cases.count > 1 {
      let (duplicates, duplicateDiagnostics) = FormulationCompiler.duplicateCases(
        cases.compactMap { Loader.loadCase($0).0?.id })
      if !duplicates.isEmpty {
        diagnostics += duplicateDiagnostics
        invalid = true
        // Formulations of a repeated case are compared with neither file.
        outcomes.removeAll { duplicates.contains($0.facts.caseID) }
        invalidCaseIDs += duplicates.sorted()
      }
    }
    let single = cases.count == 1 && formulations.count == 1
    var loaded: [Formulation] = []
    for file in formulations {
      let (syntax, loadDiagnostics) = Loader.loadFormulation(file)
      diagnostics += loadDiagnostics
      guard let syntax, !loadDiagnostics.hasErrors else {
        invalid = true
        continue
      }
      let compiled = self.formulations.compile(
        syntax, sha256: Digest.sha256(file.text),
        forCase: single ? outcomes.first?.facts.caseID ?? invalidCaseIDs.first : nil)
      diagnostics += compiled.diagnostics
      if let value = compiled.value { loaded.append(value) } else { invalid = true }
    }
    let (matches, matchDiagnostics) = FormulationCompiler.match(
      loaded, caseIDs: outcomes.map(\.facts.caseID) + invalidCaseIDs)
    diagnostics += matchDiagnostics
    if matchDiagnostics.hasErrors { invalid = true }
    var pairs: [(formulation: Formulation, facts: CaseFacts, explanation: Explanation)] = []
    for (formulation, match) in zip(loaded, matches) {
      guard let match, match < outcomes.count else { continue }
      let facts = outcomes[match].facts
      let explanation =
        outcomes[match].explanation ?? program.explain(facts, program.evaluate(facts))
      outcomes[match].explanation = explanation
      pairs.append((formulation, facts, explanation))
    }
    return Compared(
      pairs: pairs, caseIDs: outcomes.map(\.facts.caseID), diagnostics: diagnostics.normalized(),
      invalid: invalid)
  }
}
