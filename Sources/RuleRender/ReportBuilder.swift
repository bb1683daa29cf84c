import RuleDiagnostics
package import RuleEngine

/// Builds a `Report` from an explanation: resolves every index to its name and fills every
/// template.
package struct ReportBuilder: Sendable {
  /// The compiled pack.
  package let program: Program
  /// The engine version written into reports.
  package let engineVersion: String
  let format: ValueFormatter
  /// Where each rule is written, as `file:line:column`, made once for every report.
  let ruleLocations: [String]
  /// Where each condition of each rule is written, in the order of the rule's conditions.
  let conditionLocations: [[String]]
  /// The members of each rule's JSON entry that depend only on the pack, written once.
  let ruleJSON: [RuleJSONParts]

  /// A builder for `program`'s explanations.
  package init(program: Program, engineVersion: String) {
    self.program = program
    self.engineVersion = engineVersion
    self.format = ValueFormatter(program: program)
    let ruleLocations = program.rules.map(\.location.description)
    let conditionLocations = program.rules.map { $0.conditions.map(\.location.description) }
    self.ruleLocations = ruleLocations
    self.conditionLocations = conditionLocations
    self.ruleJSON = program.rules.indices.map { index in
      RuleJSONParts(
        rule: program.rules[index], index: index, location: ruleLocations[index],
        conditionLocations: conditionLocations[index])
    }
  }

  /// The report; `fullTrace` adds every rule's premises (for `ipt explain`).
  package func report(
    _ explanation: Explanation, facts: CaseFacts, fullTrace: Bool = false,
    wouldFire: [String]? = nil
  )
    -> Report
  {
    let evaluation = explanation.evaluation
    // A rule shows up under many values (supporting one, a near miss of another): its entry is
    // built once.
    var built = [Report.RuleInfo?](repeating: nil, count: program.rules.count)
    var memo = ObservationMemo(findingCount: program.findings.count)
    func rule(_ index: Int) -> Report.RuleInfo {
      if let info = built[index] { return info }
      let info = ruleInfo(index, explanation: explanation, detail: true, memo: &memo)
      built[index] = info
      return info
    }
    let askRank = Dictionary(
      explanation.askNext.enumerated().map { ($1.slot, $0) }, uniquingKeysWith: { a, _ in a })
    let alerts = evaluation.alerts.map { fired in
      let info = program.alerts[fired.alert]
      return Report.AlertEntry(
        id: info.name, severity: info.severity, label: info.label, description: info.description,
        raisedBy: fired.rules.map(rule))
    }
    let outputs = explanation.outputs.map { output -> Report.OutputEntry in
      let info = program.outputs[output.output]
      let result = evaluation.outputs[output.output]
      let values = output.values.map { v -> Report.ValueEntry in
        let valueInfo = info.values[v.value]
        let open = v.certainty == .unknown && v.excludedBy.isEmpty
        return Report.ValueEntry(
          name: valueInfo.name, label: valueInfo.label, status: v.status.kind, rank: v.status.rank,
          weight: v.weight, certain: v.certainty, supporting: v.supporting.map(rule),
          opposing: v.opposing.map(rule), excludedBy: v.excludedBy.map(rule),
          outrankedBy: v.outrankedBy.map { info.values[$0].name },
          nearMisses: v.nearMisses.prefix(3).map { rule($0.rule) },
          missing: v.missing.map { program.findings[$0].name }.sorted(),
          provisional: open && v.status.isPicked ? true : nil,
          possible: open && !v.status.isPicked ? true : nil,
          settledBy: open
            ? v.missing.sorted { (askRank[$0] ?? Int.max, $0) < (askRank[$1] ?? Int.max, $1) }
              .map { program.findings[$0].name } : nil)
      }
      let competitions = output.competitions.map { c in
        Report.CompetitionEntry(
          picked: info.values[c.picked].name, rival: info.values[c.rival].name, gap: c.gap,
          needed: c.needed,
          flips: c.flips.map { rule($0.rule) })
      }
      return Report.OutputEntry(
        name: info.name, title: info.title, max: info.max, minWeight: info.minWeight,
        picked: result.picked.map { info.values[$0].name }, values: values,
        competitions: competitions)
    }
    let possible = explanation.possibleAlerts.map { p in
      Report.PossibleAlertEntry(
        id: program.alerts[p.alert].name, severity: program.alerts[p.alert].severity,
        label: program.alerts[p.alert].label, rules: p.rules.map { program.rules[$0].id },
        missing: p.missing.map { program.findings[$0].name }.sorted())
    }
    return Report(
      schema: "ipt-advisor/evaluation/1", engine: engineVersion,
      statement: decisionSupportStatement,
      pack: Report.PackInfo(program.pack), case: Report.CaseInfo(facts),
      deferredPendingSafety: evaluation.deferredPendingSafety, alerts: alerts, outputs: outputs,
      possibleAlerts: possible, askNext: explanation.askNext.map(question),
      fired: program.ruleIDs(where: .true, in: evaluation),
      undetermined: program.ruleIDs(where: .unknown, in: evaluation),
      rules: fullTrace ? program.rules.indices.map(rule) : nil,
      course: course(facts), wouldFire: wouldFire)
  }

  /// The course section: every `section: course` list the case records, with its instruments.
  package func course(_ facts: CaseFacts) -> [CourseInfo]? {
    var courses: [CourseInfo] = []
    for (slot, finding) in program.findings.enumerated() where finding.section != nil {
      guard case .list(let r) = finding.type, case .records(let items) = facts.values[slot],
        !items.isEmpty
      else { continue }
      let fields = program.records[r].fields
      let columns = fields.map { field in
        CourseInfo.Column(
          name: field.name, description: field.description,
          instrument: field.like.flatMap {
            program.findings[$0].bands.isEmpty ? nil : program.findings[$0].name
          })
      }
      let rows = items.map { item in
        CourseInfo.Row(
          values: fields.indices.map { k in
            let value = item.fields[k]
            if case .unknown = value { return "" }
            if case .string(let text) = value { return text }
            if case .boolean(let b) = value { return b ? "yes" : "no" }
            return format.describe(value, fields[k].type)
          },
          bands: fields.indices.map { k in
            guard let like = fields[k].like, case .number(let n) = item.fields[k] else {
              return nil
            }
            return ScoreBand.band(of: n, in: program.findings[like].bands)?.label
          })
      }
      var instruments: [CourseInfo.Instrument] = []
      for (k, field) in fields.enumerated() {
        guard let like = field.like, !program.findings[like].bands.isEmpty else { continue }
        let points = items.enumerated().compactMap { (index, item) -> CourseInfo.Point? in
          guard case .number(let n) = item.fields[k] else { return nil }
          return CourseInfo.Point(item: index + 1, value: n)
        }
        guard let first = points.first, let last = points.last else { continue }
        let bands = program.findings[like].bands
        let change = last.value - first.value
        instruments.append(
          CourseInfo.Instrument(
            name: field.name, range: field.range.map { [$0.lowerBound, $0.upperBound] },
            bands: bands, points: points,
            baseline: first.value, latest: last.value, lowest: points.map(\.value).min(),
            latestBand: ScoreBand.band(of: last.value, in: bands)?.label, change: change,
            percentChange: first.value == 0
              ? nil : (change / first.value * 1000).rounded() / 10))
      }
      courses.append(
        CourseInfo(finding: finding.name, columns: columns, rows: rows, instruments: instruments))
    }
    return courses.isEmpty ? nil : courses
  }

  /// One question of "what to ask next", with every name resolved.
  package func question(_ q: Question) -> Report.QuestionEntry {
    let finding = program.findings[q.slot]
    return Report.QuestionEntry(
      finding: finding.name, ask: finding.ask ?? finding.description,
      couldRaise: q.alerts.map {
        "\(program.alerts[$0].severity.rawValue): \(program.alerts[$0].name)"
      },
      couldChange: q.picks.map {
        "\(program.outputs[$0.output].name): \(program.outputs[$0.output].values[$0.value].name)"
      },
      decidesRules: q.rules.map { program.rules[$0].id })
  }

  /// One rule and how it came out; `detail` adds its premises and bindings.
  package func ruleInfo(_ index: Int, explanation: Explanation, detail: Bool) -> Report.RuleInfo {
    var memo = ObservationMemo(findingCount: program.findings.count)
    return ruleInfo(index, explanation: explanation, detail: detail, memo: &memo)
  }

  /// `ruleInfo(_:explanation:detail:)` with what is made for observations shared by every rule of
  /// one report.
  func ruleInfo(
    _ index: Int, explanation: Explanation, detail: Bool, memo: inout ObservationMemo
  ) -> Report.RuleInfo {
    // The rule is read in place: a copy of it costs more than most of its entry.
    let trace = explanation.rules[index]
    let evaluation = explanation.evaluation
    let premises =
      detail
      ? trace.premises.enumerated().map { position, premise in
        Report.PremiseInfo(
          condition: premise.text, truth: premise.truth,
          location: conditionLocation(premise, rule: index, position: position),
          observed: premise.observations.map {
            observation($0, explanation: explanation, memo: &memo)
          })
      } : []
    let bindings =
      detail
      ? trace.bindings.map { b -> Report.BindingInfo in
        var value = "unknown"
        if case .records(let items) = evaluation.facts[b.slot], b.element < items.count,
          case .list(let rt) = program.findings[b.slot].type
        {
          value =
            "\(program.findings[b.slot].name)[\(b.element)] = "
            + format.record(rt, items[b.element])
        }
        return Report.BindingInfo(name: b.name, value: value, source: b.origin?.description)
      } : []
    let because =
      trace.truth == .true
      ? program.rules[index].because.map {
        format.fill($0, trace: trace, evaluation: evaluation)
      } : nil
    var info = Report.RuleInfo(
      id: program.rules[index].id, title: program.rules[index].title,
      result: RuleResult(trace.truth),
      weight: program.rules[index].actions.suggest.isEmpty
        ? nil : program.rules[index].actions.weight,
      because: because,
      teach: program.rules[index].teach.map {
        format.fill($0, trace: trace, evaluation: evaluation)
      },
      status: program.rules[index].status, cite: program.rules[index].cite,
      location: ruleLocations[index], premises: premises, bindings: bindings,
      missing: trace.missing.map { program.findings[$0].name }.sorted())
    info.packJSON = RuleJSONParts.Attachment(ruleJSON[index])
    return info
  }

  /// The rules that concluded a derived finding, with their results, and why it holds: the
  /// filled-in `because` of each rule that concluded it.
  private func derivationNotes(_ slot: Int, explanation: Explanation) -> ObservationMemo.Notes {
    let derivedBy = program.derivers[slot].map {
      "\(program.rules[$0].id) (\(RuleResult(explanation.rules[$0].truth).rawValue))"
    }
    let reasons = program.derivers[slot].compactMap { r -> String? in
      let trace = explanation.rules[r]
      guard trace.truth == .true, let because = program.rules[r].because else { return nil }
      return format.fill(because, trace: trace, evaluation: explanation.evaluation)
    }
    return ObservationMemo.Notes(
      derivedBy: derivedBy, derivedBecause: reasons.isEmpty ? nil : reasons)
  }

  /// Where a premise's condition is written. A trace has one premise per condition of its rule,
  /// in order, so the text made once for the pack is used when the places agree.
  private func conditionLocation(_ premise: Premise, rule: Int, position: Int) -> String {
    let conditions = program.rules[rule].conditions
    guard position < conditions.count, conditions[position].location == premise.location else {
      return premise.location.description
    }
    return conditionLocations[rule][position]
  }

  private func observation(
    _ o: Observation, explanation: Explanation, memo: inout ObservationMemo
  ) -> Report.ObservationInfo {
    if let made = memo.entry(for: o) { return made }
    var derivedBy: [String]?
    var derivedBecause: [String]?
    if program.findings[o.slot].derived && o.element == nil {
      let made = memo.notes(for: o.slot) {
        derivationNotes(o.slot, explanation: explanation)
      }
      derivedBy = made.derivedBy
      derivedBecause = made.derivedBecause
    }
    var name = o.name
    if let element = o.element, let dot = o.name.firstIndex(of: ".") {
      name = "\(program.findings[o.slot].name)[\(element)]\(o.name[dot...])"
    }
    var value = format.describe(o.value, o.type)
    var ranged: Bool?
    if case .interval = o.value {
      ranged = true
      // Not written in the case: an unknown value, ranging over its declared range.
      if o.origin == nil { value = "unknown, " + value }
    }
    let entry = Report.ObservationInfo(
      name: name, value: value, source: o.origin?.description, derivedBy: derivedBy,
      derivedBecause: derivedBecause, ranged: ranged)
    memo.record(o, entry: entry)
    return entry
  }
}

extension Report.PremiseInfo {
  /// The values a premise read, as ` (name = value at file:line:col; ...)`, or "" when it read
  /// none; `sources` adds where each value is written, `derivations` the rules behind derived ones.
  package func observedSuffix(sources: Bool, derivations: Bool) -> String {
    guard !observed.isEmpty else { return "" }
    let values = observed.map { o in
      "\(o.name) = \(o.value)" + (sources ? o.source.map { " at \($0)" } ?? "" : "")
        + (derivations
          ? o.derivedBy.map { " (derived by \($0.joined(separator: ", ")))" } ?? "" : "")
        + (derivations ? o.derivedBecause.map { ": " + $0.joined(separator: " ") } ?? "" : "")
    }
    return " (\(values.joined(separator: "; ")))"
  }
}
