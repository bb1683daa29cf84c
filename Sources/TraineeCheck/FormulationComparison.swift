public import RuleDiagnostics
public import RuleEngine

/// A trainee's formulation of a case, resolved against a program: the values chosen for each
/// output and the alerts taken into account, as indices into the program.
public struct Formulation: Sendable, Hashable {
  /// The id of the case it formulates.
  public var caseID: String
  /// Where that id is written in the formulation file.
  public var caseLocation: SourceLocation
  /// The (pseudonymous) trainee who wrote it.
  public var by: String
  /// The formulation file, as shown to the user.
  public var file: String
  /// SHA-256 of the formulation file's bytes, hex.
  public var sha256: String
  /// For each output of the program: the chosen values in file order without repeats, or nil when
  /// the formulation does not name the output (it then chose none of its values).
  public var picks: [[Int]?]
  /// Alerts the trainee took into account, in file order without repeats.
  public var alerts: [Int]
  /// Free text, kept and shown, never evaluated.
  public var rationale: String?

  /// Creates a formulation; `picks` has one entry per output of the program.
  public init(
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

/// How one value compares between the trainee's formulation and the engine.
public enum Verdict: String, Sendable, Hashable, Codable, CaseIterable {
  /// Both the trainee and the engine chose it.
  case agreed
  /// The engine picks it and the trainee did not choose it.
  case missed
  /// The trainee chose it and the engine does not pick it (and did not exclude it).
  case unsupported
  /// The trainee chose it and a fired rule excluded it (a contraindication).
  case contested
  /// The trainee and the engine differ, but the engine's own decision is not settled (see
  /// `FormulationComparison.closeCallMargin` and `UncertaintyReason`): not counted as a mistake.
  case uncertain
}

/// Why the engine's decision on a value is not settled.
public enum UncertaintyReason: String, Sendable, Hashable, Codable, CaseIterable {
  /// Undetermined rules (conditions unknown for lack of findings) could change whether the value
  /// is picked: `OutputResult.certainty` is unknown.
  case undetermined
  /// The value and a rival are within `FormulationComparison.closeCallMargin` points of each
  /// other where the output's `max` lets only one of them in.
  case closeCall = "close-call"
}

/// The comparison of one value that the trainee chose or the engine picked.
public struct ValueComparison: Sendable, Hashable {
  /// The value, by index into the output's values.
  public var value: Int
  public var verdict: Verdict
  /// Whether the trainee chose it.
  public var chosen: Bool
  /// Whether the engine picks it.
  public var picked: Bool
  /// Why the engine's decision is not settled; empty when it is. An agreed value can carry
  /// reasons too (a tentative agreement); disagreements with reasons have the verdict `uncertain`.
  public var uncertainty: [UncertaintyReason]
  /// Values of the same output in a close call with this one, by declared order.
  public var rivals: [Int]
  /// Findings whose answers could change the engine's decision on this value or its rivals.
  public var missing: [Int]
  /// Indices into `Explanation.askNext` of the questions that could change this value or its
  /// rivals, in the explanation's rank order.
  public var questions: [Int]

}

/// How many values got each verdict.
public struct VerdictCounts: Sendable, Hashable, Codable {
  public var agreed = 0
  public var missed = 0
  public var unsupported = 0
  public var contested = 0
  public var uncertain = 0

  public init() {}

  /// The count for one verdict.
  public subscript(verdict: Verdict) -> Int {
    get {
      switch verdict {
      case .agreed: agreed
      case .missed: missed
      case .unsupported: unsupported
      case .contested: contested
      case .uncertain: uncertain
      }
    }
    set {
      switch verdict {
      case .agreed: agreed = newValue
      case .missed: missed = newValue
      case .unsupported: unsupported = newValue
      case .contested: contested = newValue
      case .uncertain: uncertain = newValue
      }
    }
  }

  /// Missed, unsupported and contested values: where the trainee differs from a settled decision.
  public var disagreements: Int { missed + unsupported + contested }

  /// Every counted value.
  public var total: Int { agreed + disagreements + uncertain }

  /// Adds another set of counts.
  public static func + (lhs: VerdictCounts, rhs: VerdictCounts) -> VerdictCounts {
    var sum = lhs
    for verdict in Verdict.allCases { sum[verdict] += rhs[verdict] }
    return sum
  }
}

/// The comparison of one output.
public struct OutputComparison: Sendable, Hashable {
  /// The output, by index into `Program.outputs`.
  public var output: Int
  /// Whether the formulation names this output at all.
  public var addressed: Bool
  /// Every value the trainee chose or the engine picked, in the output's declared order.
  public var values: [ValueComparison]
  /// How many of `values` got each verdict.
  public var counts: VerdictCounts
}

/// A fired alert and whether the formulation took it into account.
public struct AlertComparison: Sendable, Hashable {
  /// The alert, by index into `Program.alerts`.
  public var alert: Int
  public var severity: AlertSeverity
  /// Whether the formulation lists it under `alerts:`.
  public var acknowledged: Bool
  /// The fired rules that raised it.
  public var rules: [Int]
}

/// A trainee's formulation compared with the engine's explanation of the same case: pure data,
/// every name an index into the program.
public struct FormulationComparison: Sendable {
  /// Two values of an output are a **close call** when the output has a `max`, one of them is
  /// picked, the other is outranked (it has at least `min_weight` points and is not excluded, but
  /// `max` left no room for it) and their evidence differs by at most this many points. One point
  /// is the weight of the lightest rule in a typical pack: a single finding could swap them.
  public static let closeCallMargin: Double = 1

  /// The case compared.
  public var caseID: String
  /// The trainee whose formulation it is.
  public var by: String
  /// Every fired alert: those the formulation ignores first, then those it lists; within each,
  /// most severe first, then by declared order. A critical alert is never left out.
  public var alerts: [AlertComparison]
  /// Alerts the formulation lists that no rule raised, in file order.
  public var unraisedAlerts: [Int]
  /// One comparison per output of the program, in declared order.
  public var outputs: [OutputComparison]

  /// Fired alerts the formulation does not list.
  public var ignoredAlerts: [AlertComparison] { alerts.filter { !$0.acknowledged } }

  /// Counts over every output.
  public var counts: VerdictCounts { outputs.reduce(VerdictCounts()) { $0 + $1.counts } }

  /// Missed, unsupported and contested values, plus ignored warning and critical alerts (an
  /// ignored `info` alert is shown but is not a disagreement).
  public var disagreements: Int {
    counts.disagreements + ignoredAlerts.filter { $0.severity >= .warning }.count
  }
}

extension Program {
  /// Compares a trainee's formulation with the engine's explanation of the same case.
  ///
  /// For each output, every value that the trainee chose or the engine picked gets a verdict:
  /// - chosen and picked: `agreed` (tentative when the engine's decision is not settled);
  /// - chosen and excluded by a fired rule: `contested` (a contraindication is never uncertain);
  /// - otherwise, when the trainee and the engine differ: `uncertain` if the engine's decision on
  ///   the value is not settled (`UncertaintyReason`), else `missed` (picked, not chosen) or
  ///   `unsupported` (chosen, not picked).
  public func compare(_ formulation: Formulation, with explanation: Explanation)
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
