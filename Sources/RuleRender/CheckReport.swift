import RuleDiagnostics
public import RuleEngine

/// A trainee's formulation compared with the engine (`ipt check`), every name resolved and every
/// template filled: the model that the text, Markdown and JSON renderers print.
public struct CheckReport: Codable, Sendable, Hashable {
  /// The formulation file.
  public struct FormulationInfo: Codable, Sendable, Hashable {
    public var by: String
    public var file: String
    public var sha256: String
    public var rationale: String?
  }

  /// A fired alert and whether the formulation lists it.
  public struct AlertCheck: Codable, Sendable, Hashable {
    public var id: String
    public var severity: String
    public var label: String
    public var description: String?
    /// Whether the formulation lists it under `alerts:`; ignored alerts come first.
    public var acknowledged: Bool
    public var raised_by: [Report.RuleInfo]
  }

  /// An alert named without its rules.
  public struct AlertNote: Codable, Sendable, Hashable {
    public var id: String
    public var severity: String
    public var label: String
  }

  /// A value in a close call with an item.
  public struct RivalInfo: Codable, Sendable, Hashable {
    public var name: String
    public var label: String
    public var weight: Double
    /// The engine's status of the rival: picked or outranked.
    public var status: String
  }

  /// One value that the trainee chose or the engine picked.
  public struct ItemCheck: Codable, Sendable, Hashable {
    public var name: String
    public var label: String
    /// agreed, missed, unsupported, contested or uncertain.
    public var verdict: String
    public var trainee_chose: Bool
    public var engine_picked: Bool
    /// The engine's status: picked, excluded, below-threshold or outranked.
    public var status: String
    public var rank: Int?
    public var weight: Double
    /// true, false, or unknown when undetermined rules could still change the engine's decision.
    public var certain: String
    /// Why the engine's decision is not settled: undetermined, close-call (empty when settled).
    public var uncertain_because: [String]
    /// Fired rules for the value (the engine's evidence), with their `because` and `teach`.
    public var supporting: [Report.RuleInfo]
    public var opposing: [Report.RuleInfo]
    /// The contraindications that excluded it.
    public var excluded_by: [Report.RuleInfo]
    /// For a value the engine does not pick: the rules that would support it, nearest first
    /// (at most three), with each condition's truth and the values read.
    public var would_support: [Report.RuleInfo]
    public var rivals: [RivalInfo]
    /// Findings whose answers could change the engine's decision.
    public var missing: [String]
    public var ask_next: [Report.QuestionEntry]
  }

  /// One output kind.
  public struct OutputCheck: Codable, Sendable, Hashable {
    public var name: String
    public var title: String
    public var max: Int?
    public var min_weight: Double
    /// Whether the formulation names this output.
    public var addressed: Bool
    public var trainee_chose: [String]
    /// The engine's picks, best first.
    public var engine_picked: [String]
    public var counts: VerdictCounts
    /// Every value the trainee chose or the engine picked, in declared order.
    public var items: [ItemCheck]
  }

  public var schema: String
  public var engine: String
  public var statement: String
  public var pack: Report.PackInfo
  public var `case`: Report.CaseInfo
  public var formulation: FormulationInfo
  public var deferred_pending_safety: Bool
  /// Every fired alert: ignored ones first, most severe first.
  public var alerts: [AlertCheck]
  /// Alerts the formulation lists that no rule raised.
  public var alerts_not_raised: [AlertNote]
  public var outputs: [OutputCheck]
  /// Counts over every output.
  public var counts: VerdictCounts
  /// Fired alerts the formulation does not list.
  public var ignored_alerts: Int
  /// Missed, unsupported and contested values plus ignored warning and critical alerts.
  public var disagreements: Int
}

/// Formulation checks over many cases and trainees (`ipt check CASES --formulations DIR`).
public struct CheckSummary: Codable, Sendable, Hashable {
  /// One formulation.
  public struct Row: Codable, Sendable, Hashable {
    public var `case`: String
    public var by: String
    public var file: String
    public var counts: VerdictCounts
    /// Ignored alerts as `severity: id`, most severe first.
    public var ignored_alerts: [String]
    public var disagreements: Int
  }

  /// One trainee, one case or one output kind, over its formulations.
  public struct Group: Codable, Sendable, Hashable {
    public var name: String
    public var formulations: Int
    public var counts: VerdictCounts
    public var ignored_alerts: Int
    public var ignored_critical_alerts: Int
    public var disagreements: Int
  }

  public var schema: String
  public var engine: String
  public var statement: String
  public var pack: Report.PackInfo
  /// One row per formulation, by trainee then case.
  public var rows: [Row]
  public var by_trainee: [Group]
  public var by_case: [Group]
  /// Per output kind, over every formulation (alert columns are zero).
  public var by_output: [Group]
  /// Cases given without any formulation.
  public var cases_without_formulation: [String]
  /// The full check of every formulation, in row order.
  public var checks: [CheckReport]
}

/// Builds `CheckReport`s and `CheckSummary`s.
public struct CheckReportBuilder: Sendable {
  public let program: Program
  public let engineVersion: String
  let base: ReportBuilder

  public init(program: Program, engineVersion: String) {
    self.program = program
    self.engineVersion = engineVersion
    self.base = ReportBuilder(program: program, engineVersion: engineVersion)
  }

  var packInfo: Report.PackInfo {
    Report.PackInfo(
      id: program.pack.id, version: program.pack.version, title: program.pack.title,
      sha256: program.pack.sha256)
  }

  /// The check of one formulation against the explanation of its case.
  public func report(
    _ comparison: FormulationComparison, formulation: Formulation, explanation: Explanation,
    facts: CaseFacts
  ) -> CheckReport {
    let evaluation = explanation.evaluation
    func rule(_ index: Int) -> Report.RuleInfo {
      base.ruleInfo(index, explanation: explanation, detail: true)
    }
    let alerts = comparison.alerts.map { a in
      let info = program.alerts[a.alert]
      return CheckReport.AlertCheck(
        id: info.name, severity: info.severity.rawValue, label: info.label,
        description: info.description,
        acknowledged: a.acknowledged, raised_by: a.rules.map(rule))
    }
    let notRaised = comparison.unraisedAlerts.map { index in
      let info = program.alerts[index]
      return CheckReport.AlertNote(
        id: info.name, severity: info.severity.rawValue, label: info.label)
    }
    let outputs = comparison.outputs.map { output -> CheckReport.OutputCheck in
      let info = program.outputs[output.output]
      let result = evaluation.outputs[output.output]
      let values = explanation.outputs[output.output].values
      let items = output.values.map { item -> CheckReport.ItemCheck in
        let v = values[item.value]
        let (status, rank) = Self.status(v.status)
        return CheckReport.ItemCheck(
          name: info.values[item.value].name, label: info.values[item.value].label,
          verdict: item.verdict.rawValue,
          trainee_chose: item.chosen, engine_picked: item.picked, status: status, rank: rank,
          weight: v.weight,
          certain: v.certainty.description, uncertain_because: item.uncertainty.map(\.rawValue),
          supporting: v.supporting.map(rule), opposing: v.opposing.map(rule),
          excluded_by: v.excludedBy.map(rule),
          would_support: item.picked ? [] : v.nearMisses.prefix(3).map { rule($0.rule) },
          rivals: item.rivals.map { r in
            CheckReport.RivalInfo(
              name: info.values[r].name, label: info.values[r].label, weight: result.weights[r],
              status: Self.status(result.statuses[r]).0)
          },
          missing: item.missing.map { program.findings[$0].name },
          ask_next: item.questions.map { question(explanation.askNext[$0]) })
      }
      return CheckReport.OutputCheck(
        name: info.name, title: info.title, max: info.max, min_weight: info.minWeight,
        addressed: output.addressed,
        trainee_chose: (formulation.picks[output.output] ?? []).map { info.values[$0].name },
        engine_picked: result.picked.map { info.values[$0].name }, counts: output.counts,
        items: items)
    }
    return CheckReport(
      schema: "ipt-advisor/check/1", engine: engineVersion, statement: decisionSupportStatement,
      pack: packInfo,
      case: Report.CaseInfo(id: facts.caseID, file: facts.file, sha256: facts.sha256),
      formulation: CheckReport.FormulationInfo(
        by: formulation.by, file: formulation.file, sha256: formulation.sha256,
        rationale: formulation.rationale),
      deferred_pending_safety: evaluation.deferredPendingSafety, alerts: alerts,
      alerts_not_raised: notRaised,
      outputs: outputs, counts: comparison.counts, ignored_alerts: comparison.ignoredAlerts.count,
      disagreements: comparison.disagreements)
  }

  /// The supervisor's overview of many checks; `caseIDs` are every case given.
  public func summary(_ reports: [CheckReport], caseIDs: [String]) -> CheckSummary {
    let sorted = reports.sorted {
      ($0.formulation.by, $0.case.id, $0.formulation.file) < (
        $1.formulation.by, $1.case.id, $1.formulation.file
      )
    }
    let rows = sorted.map { r in
      CheckSummary.Row(
        case: r.case.id, by: r.formulation.by, file: r.formulation.file, counts: r.counts,
        ignored_alerts: r.alerts.filter { !$0.acknowledged }.map { "\($0.severity): \($0.id)" },
        disagreements: r.disagreements)
    }
    func groups(_ key: (CheckReport) -> String) -> [CheckSummary.Group] {
      let names = Set(sorted.map(key)).sorted()
      return names.map { name in
        let members = sorted.filter { key($0) == name }
        let ignored = members.flatMap { $0.alerts.filter { !$0.acknowledged } }
        return CheckSummary.Group(
          name: name, formulations: members.count,
          counts: members.reduce(VerdictCounts()) { $0 + $1.counts }, ignored_alerts: ignored.count,
          ignored_critical_alerts: ignored.filter { $0.severity == AlertSeverity.critical.rawValue }
            .count,
          disagreements: members.reduce(0) { $0 + $1.disagreements })
      }
    }
    let byOutput = program.outputs.map { output in
      CheckSummary.Group(
        name: output.name, formulations: sorted.count,
        counts: sorted.reduce(VerdictCounts()) { sum, r in
          sum + (r.outputs.first { $0.name == output.name }?.counts ?? VerdictCounts())
        },
        ignored_alerts: 0, ignored_critical_alerts: 0,
        disagreements: sorted.reduce(0) { sum, r in
          sum + (r.outputs.first { $0.name == output.name }?.counts.disagreements ?? 0)
        })
    }
    let formulated = Set(sorted.map(\.case.id))
    return CheckSummary(
      schema: "ipt-advisor/check-summary/1", engine: engineVersion,
      statement: decisionSupportStatement,
      pack: packInfo, rows: rows, by_trainee: groups(\.formulation.by), by_case: groups(\.case.id),
      by_output: byOutput, cases_without_formulation: Set(caseIDs).subtracting(formulated).sorted(),
      checks: sorted)
  }

  func question(_ q: Question) -> Report.QuestionEntry {
    let finding = program.findings[q.slot]
    return Report.QuestionEntry(
      finding: finding.name, ask: finding.ask ?? finding.description,
      could_raise: q.alerts.map {
        "\(program.alerts[$0].severity.rawValue): \(program.alerts[$0].name)"
      },
      could_change: q.picks.map {
        "\(program.outputs[$0.output].name): \(program.outputs[$0.output].values[$0.value].name)"
      },
      decides_rules: q.rules.map { program.rules[$0].id })
  }

  static func status(_ status: ValueStatus) -> (String, Int?) {
    switch status {
    case .picked(let rank): ("picked", rank + 1)
    case .excluded: ("excluded", nil)
    case .belowThreshold: ("below-threshold", nil)
    case .outranked: ("outranked", nil)
    }
  }
}
