import RuleDiagnostics
public import RuleEngine

/// The statement every human-readable report carries.
public let decisionSupportStatement =
  "Decision support for training and supervision, not a diagnosis: a proposed formulation to discuss and agree with the client."

/// The explanation of one evaluation, with every template filled and every name resolved: the
/// single model that the text, Markdown and JSON renderers print. Its JSON form is documented in
/// docs/output.md.
public struct Report: Codable, Sendable, Hashable {
  public struct PackInfo: Codable, Sendable, Hashable {
    public var id: String
    public var version: String
    public var title: String
    public var sha256: String
  }

  public struct CaseInfo: Codable, Sendable, Hashable {
    public var id: String
    public var file: String
    public var sha256: String
  }

  public struct ObservationInfo: Codable, Sendable, Hashable {
    public var name: String
    public var value: String
    /// `file:line:column` in the case, when the value was written there.
    public var source: String?
    /// For a derived finding: the rules that concluded it (or failed to).
    public var derived_by: [String]?
  }

  public struct PremiseInfo: Codable, Sendable, Hashable {
    public var condition: String
    public var truth: String
    public var location: String
    public var observed: [ObservationInfo]
  }

  public struct BindingInfo: Codable, Sendable, Hashable {
    public var name: String
    public var value: String
    public var source: String?
  }

  public struct RuleInfo: Codable, Sendable, Hashable {
    public var id: String
    public var title: String
    public var result: String
    public var weight: Double?
    public var because: String?
    public var teach: String?
    public var status: String
    public var cite: [String]
    public var location: String
    public var premises: [PremiseInfo]
    public var bindings: [BindingInfo]
    /// Findings whose absence left the rule undetermined.
    public var missing: [String]
  }

  public struct AlertEntry: Codable, Sendable, Hashable {
    public var id: String
    public var severity: String
    public var label: String
    public var description: String?
    public var raised_by: [RuleInfo]
  }

  public struct PossibleAlertEntry: Codable, Sendable, Hashable {
    public var id: String
    public var severity: String
    public var label: String
    public var rules: [String]
    public var missing: [String]
  }

  public struct ValueEntry: Codable, Sendable, Hashable {
    public var name: String
    public var label: String
    /// picked, excluded, below-threshold or outranked.
    public var status: String
    public var rank: Int?
    public var weight: Double
    /// true, false, or unknown when undetermined rules could still change it.
    public var certain: String
    public var supporting: [RuleInfo]
    public var opposing: [RuleInfo]
    public var excluded_by: [RuleInfo]
    public var outranked_by: [String]
    public var near_misses: [RuleInfo]
    public var missing: [String]
  }

  public struct CompetitionEntry: Codable, Sendable, Hashable {
    public var picked: String
    public var rival: String
    public var gap: Double
    public var needed: Double
    public var flips: [RuleInfo]
  }

  public struct OutputEntry: Codable, Sendable, Hashable {
    public var name: String
    public var title: String
    public var max: Int?
    public var min_weight: Double
    public var picked: [String]
    public var values: [ValueEntry]
    public var competitions: [CompetitionEntry]
  }

  public struct QuestionEntry: Codable, Sendable, Hashable {
    public var finding: String
    public var ask: String
    public var could_raise: [String]
    public var could_change: [String]
    public var decides_rules: [String]
  }

  public var schema: String
  public var engine: String
  public var statement: String
  public var pack: PackInfo
  public var `case`: CaseInfo
  public var deferred_pending_safety: Bool
  public var alerts: [AlertEntry]
  public var outputs: [OutputEntry]
  public var possible_alerts: [PossibleAlertEntry]
  public var ask_next: [QuestionEntry]
  /// Ids of the rules that fired, sorted.
  public var fired: [String]
  /// Ids of the rules left undetermined by unknown findings, sorted.
  public var undetermined: [String]
  /// Every rule with its premises: only in a full trace (`ipt explain`).
  public var rules: [RuleInfo]?
}

/// One line of `ipt evaluate --format jsonl`: the result of a case without its explanation, for
/// batch runs and audits (`ipt explain` or `--format json` give the explanation).
public struct BatchRecord: Codable, Sendable, Hashable {
  public var schema: String
  public var engine: String
  public var pack: Report.PackInfo
  public var `case`: Report.CaseInfo
  public var deferred_pending_safety: Bool
  /// Fired alerts as `severity: id`, most severe first.
  public var alerts: [String]
  /// Output name -> picked values, best first.
  public var picked: [String: [String]]
  public var fired: [String]
  public var undetermined: [String]

  /// Builds the record of one evaluation.
  public init(program: Program, facts: CaseFacts, evaluation: Evaluation, engineVersion: String) {
    schema = "ipt-advisor/batch/1"
    engine = engineVersion
    pack = Report.PackInfo(
      id: program.pack.id, version: program.pack.version, title: program.pack.title, sha256: program.pack.sha256)
    `case` = Report.CaseInfo(id: facts.caseID, file: facts.file, sha256: facts.sha256)
    deferred_pending_safety = evaluation.deferredPendingSafety
    alerts = evaluation.alerts.map { "\($0.severity.rawValue): \(program.alerts[$0.alert].name)" }
    var picked: [String: [String]] = [:]
    for (o, result) in evaluation.outputs.enumerated() {
      picked[program.outputs[o].name] = result.picked.map { program.outputs[o].values[$0].name }
    }
    self.picked = picked
    fired = program.rules.indices.filter { evaluation.ruleTruth[$0] == .true }.map { program.rules[$0].id }
    undetermined = program.rules.indices.filter { evaluation.ruleTruth[$0] == .unknown }.map { program.rules[$0].id }
  }
}

/// Builds a `Report` from an explanation.
public struct ReportBuilder: Sendable {
  public let program: Program
  public let engineVersion: String
  let format: ValueFormatter

  public init(program: Program, engineVersion: String) {
    self.program = program
    self.engineVersion = engineVersion
    self.format = ValueFormatter(program: program)
  }

  /// The report; `fullTrace` adds every rule's premises (for `ipt explain`).
  public func report(_ explanation: Explanation, facts: CaseFacts, fullTrace: Bool = false) -> Report {
    let evaluation = explanation.evaluation
    func rule(_ index: Int, detail: Bool = true) -> Report.RuleInfo {
      ruleInfo(index, explanation: explanation, detail: detail)
    }
    let alerts = evaluation.alerts.map { fired in
      let info = program.alerts[fired.alert]
      return Report.AlertEntry(
        id: info.name, severity: info.severity.rawValue, label: info.label, description: info.description,
        raised_by: fired.rules.map { rule($0) })
    }
    let outputs = explanation.outputs.map { output -> Report.OutputEntry in
      let info = program.outputs[output.output]
      let result = evaluation.outputs[output.output]
      let values = output.values.map { v -> Report.ValueEntry in
        let valueInfo = info.values[v.value]
        var rank: Int?
        let status: String
        switch v.status {
        case .picked(let r):
          status = "picked"
          rank = r + 1
        case .excluded: status = "excluded"
        case .belowThreshold: status = "below-threshold"
        case .outranked: status = "outranked"
        }
        return Report.ValueEntry(
          name: valueInfo.name, label: valueInfo.label, status: status, rank: rank, weight: v.weight,
          certain: v.certainty.description, supporting: v.supporting.map { rule($0) },
          opposing: v.opposing.map { rule($0) }, excluded_by: v.excludedBy.map { rule($0) },
          outranked_by: v.outrankedBy.map { info.values[$0].name },
          near_misses: v.nearMisses.prefix(3).map { rule($0.rule) },
          missing: v.missing.map { program.findings[$0].name }.sorted())
      }
      let competitions = output.competitions.map { c in
        Report.CompetitionEntry(
          picked: info.values[c.picked].name, rival: info.values[c.rival].name, gap: c.gap, needed: c.needed,
          flips: c.flips.map { rule($0.rule) })
      }
      return Report.OutputEntry(
        name: info.name, title: info.title, max: info.max, min_weight: info.minWeight,
        picked: result.picked.map { info.values[$0].name }, values: values, competitions: competitions)
    }
    let possible = explanation.possibleAlerts.map { p in
      Report.PossibleAlertEntry(
        id: program.alerts[p.alert].name, severity: program.alerts[p.alert].severity.rawValue,
        label: program.alerts[p.alert].label, rules: p.rules.map { program.rules[$0].id },
        missing: p.missing.map { program.findings[$0].name }.sorted())
    }
    let questions = explanation.askNext.map { q in
      Report.QuestionEntry(
        finding: program.findings[q.slot].name, ask: program.findings[q.slot].ask ?? program.findings[q.slot].description,
        could_raise: q.alerts.map { "\(program.alerts[$0].severity.rawValue): \(program.alerts[$0].name)" },
        could_change: q.picks.map { "\(program.outputs[$0.output].name): \(program.outputs[$0.output].values[$0.value].name)" },
        decides_rules: q.rules.map { program.rules[$0].id })
    }
    return Report(
      schema: "ipt-advisor/evaluation/1", engine: engineVersion, statement: decisionSupportStatement,
      pack: Report.PackInfo(
        id: program.pack.id, version: program.pack.version, title: program.pack.title, sha256: program.pack.sha256),
      case: Report.CaseInfo(id: facts.caseID, file: facts.file, sha256: facts.sha256),
      deferred_pending_safety: evaluation.deferredPendingSafety, alerts: alerts, outputs: outputs,
      possible_alerts: possible, ask_next: questions,
      fired: program.rules.indices.filter { evaluation.ruleTruth[$0] == .true }.map { program.rules[$0].id },
      undetermined: program.rules.indices.filter { evaluation.ruleTruth[$0] == .unknown }.map { program.rules[$0].id },
      rules: fullTrace ? program.rules.indices.map { rule($0) } : nil)
  }

  public func ruleInfo(_ index: Int, explanation: Explanation, detail: Bool) -> Report.RuleInfo {
    let r = program.rules[index]
    let trace = explanation.rules[index]
    let evaluation = explanation.evaluation
    let result = resultName(trace.truth)
    let premises = detail ? trace.premises.map { premise in
      Report.PremiseInfo(
        condition: premise.text, truth: premise.truth.description, location: premise.location.description,
        observed: premise.observations.map { o in
          var derivedBy: [String]?
          if program.findings[o.slot].derived && o.element == nil {
            derivedBy = program.derivers[o.slot].map { "\(program.rules[$0].id) (\(resultName(explanation.rules[$0].truth)))" }
          }
          var name = o.name
          if let element = o.element, let dot = o.name.firstIndex(of: ".") {
            name = "\(program.findings[o.slot].name)[\(element)]\(o.name[dot...])"
          }
          return Report.ObservationInfo(
            name: name, value: format.describe(o.value, o.type), source: o.origin?.description, derived_by: derivedBy)
        })
    } : []
    let bindings = detail ? trace.bindings.map { b -> Report.BindingInfo in
      var value = "unknown"
      if case .records(let items) = evaluation.facts[b.slot], b.element < items.count,
        case .list(let rt) = program.findings[b.slot].type
      {
        value = "\(program.findings[b.slot].name)[\(b.element)] = " + format.record(rt, items[b.element])
      }
      return Report.BindingInfo(name: b.name, value: value, source: b.origin?.description)
    } : []
    let because = trace.truth == .true ? r.because.map { format.fill($0, trace: trace, evaluation: evaluation) } : nil
    return Report.RuleInfo(
      id: r.id, title: r.title, result: result, weight: r.actions.suggest.isEmpty ? nil : r.actions.weight,
      because: because, teach: r.teach.map { format.fill($0, trace: trace, evaluation: evaluation) },
      status: r.status, cite: r.cite, location: r.location.description, premises: premises, bindings: bindings,
      missing: trace.missing.map { program.findings[$0].name }.sorted())
  }

  func resultName(_ truth: Truth) -> String {
    switch truth {
    case .true: "fired"
    case .false: "failed"
    case .unknown: "undetermined"
    }
  }
}

extension Report.PremiseInfo {
  /// The values a premise read, as ` (name = value at file:line:col; ...)`, or "" when it read
  /// none; `sources` adds where each value is written, `derivations` the rules behind derived ones.
  func observedSuffix(sources: Bool, derivations: Bool) -> String {
    guard !observed.isEmpty else { return "" }
    let values = observed.map { o in
      "\(o.name) = \(o.value)" + (sources ? o.source.map { " at \($0)" } ?? "" : "")
        + (derivations ? o.derived_by.map { " (derived by \($0.joined(separator: ", ")))" } ?? "" : "")
    }
    return " (\(values.joined(separator: "; ")))"
  }
}
