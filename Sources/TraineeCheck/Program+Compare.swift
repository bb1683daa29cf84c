import RuleDiagnostics
package import RuleEngine

extension Program {
  /// Compares a trainee's formulation with the engine's explanation of the same case.
  ///
  /// For each output, every value that the trainee chose or the engine picked gets a verdict:
  /// - chosen and picked: `agreed` (tentative when the engine's decision is not settled);
  /// - chosen and excluded by a fired rule: `contested` (a contraindication is never uncertain);
  /// - otherwise, when the trainee and the engine differ: `uncertain` if the engine's decision on
  ///   the value is not settled (`UncertaintyReason`), else `missed` (picked, not chosen) or
  ///   `unsupported` (chosen, not picked).
  package func compare(_ formulation: Formulation, with explanation: Explanation)
    -> FormulationComparison
  {
    let evaluation = explanation.evaluation
    let alerts = evaluation.alerts.map { fired in
      AlertComparison(
        alert: fired.alert, severity: fired.severity,
        acknowledged: formulation.alerts.contains(fired.alert),
        rules: fired.rules)
    }
    let ignoredFirst = alerts.filter { !$0.acknowledged } + alerts.filter(\.acknowledged)
    let fired = Set(evaluation.alerts.map(\.alert))
    let unraised = formulation.alerts.filter { !fired.contains($0) }
    let comparisons = outputs.indices.map { output in
      let chosen = formulation.picks.indices.contains(output) ? formulation.picks[output] : nil
      return compare(output: output, chosen: chosen, explanation: explanation)
    }
    return FormulationComparison(
      caseID: formulation.caseID, by: formulation.by, alerts: ignoredFirst,
      unraisedAlerts: unraised,
      outputs: comparisons)
  }

  private func compare(output: Int, chosen: [Int]?, explanation: Explanation) -> OutputComparison {
    let result = explanation.evaluation.outputs[output]
    let info = outputs[output]
    let values = explanation.outputs[output].values
    let chosenSet = Set(chosen ?? [])
    let margin = FormulationComparison.closeCallMargin
    let outranked = info.values.indices.filter { v in
      if case .outranked = result.statuses[v] { return true }
      return false
    }
    /// Values in a close call with `v` (only where `max` caps the output).
    func rivals(of v: Int) -> [Int] {
      guard info.max != nil else { return [] }
      if result.statuses[v].isPicked {
        return outranked.filter { result.weights[v] - result.weights[$0] <= margin }
      }
      if case .outranked = result.statuses[v] {
        return result.picked.filter { result.weights[$0] - result.weights[v] <= margin }.sorted()
      }
      return []
    }
    var comparisons: [ValueComparison] = []
    var counts = VerdictCounts()
    for v in info.values.indices {
      let isChosen = chosenSet.contains(v)
      let isPicked = result.statuses[v].isPicked
      guard isChosen || isPicked else { continue }
      let close = rivals(of: v)
      var reasons: [UncertaintyReason] = []
      if result.certainty[v] == .unknown { reasons.append(.undetermined) }
      if !close.isEmpty { reasons.append(.closeCall) }
      let verdict: Verdict
      if isChosen && isPicked {
        verdict = .agreed
      } else if isChosen && !result.excludedBy[v].isEmpty {
        verdict = .contested
        reasons = []
      } else if !reasons.isEmpty {
        verdict = .uncertain
      } else {
        verdict = isPicked ? .missed : .unsupported
      }
      let concerned = Set([v] + close)
      var missing = Set<Int>()
      for w in concerned { missing.formUnion(values[w].missing) }
      let questions =
        reasons.isEmpty
        ? [] : self.questions(output: output, values: concerned, explanation: explanation)
      counts[verdict] += 1
      comparisons.append(
        ValueComparison(
          value: v, verdict: verdict, chosen: isChosen, picked: isPicked, uncertainty: reasons,
          rivals: close, missing: reasons.isEmpty ? [] : missing.sorted(), questions: questions))
    }
    return OutputComparison(
      output: output, addressed: chosen != nil, values: comparisons, counts: counts)
  }

  /// The questions whose answers could change `values` of `output`: those that could raise a
  /// critical alert first (safety first), then those deciding a rule that suggests one of the
  /// values, then the rest; the explanation's rank order within each group.
  private func questions(output: Int, values: Set<Int>, explanation: Explanation) -> [Int] {
    let suggesting = Set(
      outputRules[output].filter { r in
        rules[r].actions.weight > 0
          && rules[r].actions.suggest.contains { $0.output == output && values.contains($0.value) }
      })
    let relevant = explanation.askNext.indices.filter { q in
      explanation.askNext[q].picks.contains { $0.output == output && values.contains($0.value) }
    }
    func group(_ q: Int) -> Int {
      let question = explanation.askNext[q]
      if question.alertSeverity == .critical { return 0 }
      return question.rules.contains(where: suggesting.contains) ? 1 : 2
    }
    return relevant.sorted { (group($0), $0) < (group($1), $1) }
  }
}
