import RuleCompiler
package import RuleDiagnostics
package import RuleEngine
package import RuleSyntax

/// Checks trainee formulations against a program's outputs and alerts and resolves them to
/// `Formulation`s. Build one per program and reuse it for many formulations.
package struct FormulationCompiler: Sendable {
  package let program: Program
  let outputIndex: [String: Int]
  let valueIndex: [[String: Int]]
  let alertIndex: [String: Int]
  /// The keys of a formulation file that are not outputs.
  static let fixedKeys = ["formulation", "by", "alerts", "rationale", "source", "notes"]

  /// Prepares name lookups for `program`.
  package init(program: Program) {
    self.program = program
    outputIndex = Dictionary(
      program.outputs.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
    valueIndex = program.outputs.map { output in
      Dictionary(output.values.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
    }
    alertIndex = Dictionary(
      program.alerts.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
  }

  /// Checks a formulation's names; `sha256` is the hash of its file's bytes. When `caseID` is
  /// given, a formulation of another case is an error (`formulation-case-mismatch`).
  package func compile(
    _ syntax: FormulationSyntax, sha256: String, forCase caseID: String? = nil
  ) -> Diagnosed<Formulation> {
    var diagnostics: [Diagnostic] = []
    if let caseID, syntax.caseID.value != caseID {
      diagnostics.append(
        FormulationCatalogue.caseMismatch(
          syntax.caseID.value, expected: caseID, at: syntax.caseID.location))
    }
    var picks = [[Int]?](repeating: nil, count: program.outputs.count)
    // A key given twice is already a `duplicate-key` error of the YAML reader.
    for (name, values) in syntax.picks {
      guard let output = outputIndex[name.value] else {
        var diagnostic = CheckCatalogue.unknownOutput(
          name.value, candidates: program.outputs.map(\.name), at: name.location)
        if Suggest.closest(to: name.value, in: program.outputs.map(\.name)) == nil,
          let key = Suggest.closest(to: name.value, in: Self.fixedKeys)
        {
          diagnostic.hint = "did you mean '\(key)'?"
        }
        diagnostics.append(diagnostic)
        continue
      }
      var chosen: [Int] = []
      for value in values {
        guard let index = valueIndex[output][value.value] else {
          diagnostics.append(
            CheckCatalogue.unknownOutputValue(
              value.value, output: name.value,
              candidates: program.outputs[output].values.map(\.name),
              at: value.location))
          continue
        }
        if chosen.contains(index) {
          diagnostics.append(
            FormulationCatalogue.repeated(value.value, in: name.value, at: value.location))
        } else {
          chosen.append(index)
        }
      }
      picks[output] = chosen
    }
    var alerts: [Int] = []
    for alert in syntax.alerts {
      guard let index = alertIndex[alert.value] else {
        diagnostics.append(
          CheckCatalogue.unknownAlert(
            alert.value, candidates: program.alerts.map(\.name), at: alert.location))
        continue
      }
      if alerts.contains(index) {
        diagnostics.append(
          FormulationCatalogue.repeated(alert.value, in: "alerts", at: alert.location))
      } else {
        alerts.append(index)
      }
    }
    let formulation = Formulation(
      caseID: syntax.caseID.value, caseLocation: syntax.caseID.location, by: syntax.by.value,
      file: syntax.file.path, sha256: sha256, picks: picks, alerts: alerts,
      rationale: syntax.rationale)
    return Diagnosed(formulation, diagnostics)
  }

  /// Pairs formulations with cases by case id. A formulation of a case that is not among
  /// `caseIDs` is an error (`formulation-case-mismatch`, with "did you mean"); a second
  /// formulation by the same trainee of the same case is an error (`duplicate-formulation`).
  /// Returns, for each formulation, the index of its case in `caseIDs` (nil when unmatched).
  package static func match(_ formulations: [Formulation], caseIDs: [String]) -> (
    [Int?], [Diagnostic]
  ) {
    var diagnostics: [Diagnostic] = []
    var first: [String: SourceLocation] = [:]
    var matches: [Int?] = []
    for formulation in formulations {
      guard let index = caseIDs.firstIndex(of: formulation.caseID) else {
        diagnostics.append(
          FormulationCatalogue.noSuchCase(
            formulation.caseID, candidates: caseIDs, at: formulation.caseLocation))
        matches.append(nil)
        continue
      }
      let key = formulation.by + "\u{0}" + formulation.caseID
      if let earlier = first[key] {
        diagnostics.append(
          FormulationCatalogue.duplicate(
            by: formulation.by, caseID: formulation.caseID, at: formulation.caseLocation,
            first: earlier))
        matches.append(nil)
        continue
      }
      first[key] = formulation.caseLocation
      matches.append(index)
    }
    return (matches, diagnostics.normalized())
  }

  /// The case ids given by more than one case file, each an error at its repeat: a formulation
  /// matched by file order could be judged against the wrong case and miss its alerts.
  package static func duplicateCases(_ ids: [Located<String>]) -> (Set<String>, [Diagnostic]) {
    var first: [String: SourceLocation] = [:]
    var duplicates: Set<String> = []
    var diagnostics: [Diagnostic] = []
    for id in ids {
      if let location = first[id.value] {
        duplicates.insert(id.value)
        diagnostics.append(
          FormulationCatalogue.duplicateCase(id.value, at: id.location, first: location))
      } else {
        first[id.value] = id.location
      }
    }
    return (duplicates, diagnostics)
  }
}
