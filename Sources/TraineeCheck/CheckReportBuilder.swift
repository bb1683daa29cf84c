package import RuleEngine
package import RuleRender

/// Builds `CheckReport`s and `CheckSummary`s.
package struct CheckReportBuilder: Sendable {
  /// The compiled pack.
  package let program: Program
  /// The engine version written into reports.
  package let engineVersion: String
  let base: ReportBuilder

  /// A builder for `program`'s checks.
  package init(program: Program, engineVersion: String) {
    self.init(reports: ReportBuilder(program: program, engineVersion: engineVersion))
  }

  /// A builder for checks over the pack of `reports`, which it shares (a report builder makes
  /// the pack's rule places and JSON parts once, so one per pack serves every check).
  package init(reports: ReportBuilder) {
    self.program = reports.program
    self.engineVersion = reports.engineVersion
    self.base = reports
  }

  /// The check of one formulation against the explanation of its case.
  package func report(
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
        id: info.name, severity: info.severity, label: info.label, description: info.description,
        acknowledged: a.acknowledged, raisedBy: a.rules.map(rule))
    }
    let notRaised = comparison.unraisedAlerts.map { index in
      let info = program.alerts[index]
      return CheckReport.AlertNote(id: info.name, severity: info.severity, label: info.label)
    }
    let outputs = comparison.outputs.map { output -> CheckReport.OutputCheck in
      let info = program.outputs[output.output]
      let result = evaluation.outputs[output.output]
      let values = explanation.outputs[output.output].values
      let items = output.values.map { item -> CheckReport.ItemCheck in
        let v = values[item.value]
        return CheckReport.ItemCheck(
          name: info.values[item.value].name, label: info.values[item.value].label,
          verdict: item.verdict,
          traineeChose: item.chosen, enginePicked: item.picked, status: v.status.kind,
          rank: v.status.rank,
          weight: v.weight, certain: v.certainty, uncertainBecause: item.uncertainty,
          supporting: v.supporting.map(rule), opposing: v.opposing.map(rule),
          excludedBy: v.excludedBy.map(rule),
          wouldSupport: item.picked ? [] : v.nearMisses.prefix(3).map { rule($0.rule) },
          rivals: item.rivals.map { r in
            CheckReport.RivalInfo(
              name: info.values[r].name, label: info.values[r].label, weight: result.weights[r],
              status: result.statuses[r].kind)
          },
          missing: item.missing.map { program.findings[$0].name },
          askNext: item.questions.map { base.question(explanation.askNext[$0]) })
      }
      return CheckReport.OutputCheck(
        name: info.name, title: info.title, max: info.max, minWeight: info.minWeight,
        addressed: output.addressed,
        traineeChose: (formulation.picks[output.output] ?? []).map { info.values[$0].name },
        enginePicked: result.picked.map { info.values[$0].name }, counts: output.counts,
        items: items)
    }
    return CheckReport(
      schema: "ipt-advisor/check/1", engine: engineVersion, statement: decisionSupportStatement,
      pack: Report.PackInfo(program.pack), case: Report.CaseInfo(facts),
      formulation: CheckReport.FormulationInfo(
        by: formulation.by, file: formulation.file, sha256: formulation.sha256,
        rationale: formulation.rationale),
      deferredPendingSafety: evaluation.deferredPendingSafety, alerts: alerts,
      alertsNotRaised: notRaised,
      outputs: outputs, counts: comparison.counts, ignoredAlerts: comparison.ignoredAlerts.count,
      disagreements: comparison.disagreements)
  }

  /// The supervisor's overview of many checks; `caseIDs` are every case given.
  package func summary(_ reports: [CheckReport], caseIDs: [String]) -> CheckSummary {
    let sorted = reports.sorted {
      ($0.formulation.by, $0.case.id, $0.formulation.file) < (
        $1.formulation.by, $1.case.id, $1.formulation.file
      )
    }
    let rows = sorted.map { r in
      CheckSummary.Row(
        case: r.case.id, by: r.formulation.by, file: r.formulation.file, counts: r.counts,
        ignoredAlerts: r.alerts.filter { !$0.acknowledged }.map {
          "\($0.severity.rawValue): \($0.id)"
        },
        disagreements: r.disagreements)
    }
    func groups(_ key: (CheckReport) -> String) -> [CheckSummary.Group] {
      let names = Set(sorted.map(key)).sorted()
      return names.map { name in
        let members = sorted.filter { key($0) == name }
        let ignored = members.flatMap { $0.alerts.filter { !$0.acknowledged } }
        return CheckSummary.Group(
          name: name, formulations: members.count,
          counts: members.reduce(VerdictCounts()) { $0 + $1.counts },
          ignoredAlerts: ignored.count,
          ignoredCriticalAlerts: ignored.filter { $0.severity == .critical }.count,
          disagreements: members.reduce(0) { $0 + $1.disagreements })
      }
    }
    let byOutput = program.outputs.map { output in
      CheckSummary.Group(
        name: output.name, formulations: sorted.count,
        counts: sorted.reduce(VerdictCounts()) { sum, r in
          sum + (r.outputs.first { $0.name == output.name }?.counts ?? VerdictCounts())
        },
        ignoredAlerts: 0, ignoredCriticalAlerts: 0,
        disagreements: sorted.reduce(0) { sum, r in
          sum + (r.outputs.first { $0.name == output.name }?.counts.disagreements ?? 0)
        })
    }
    let formulated = Set(sorted.map(\.case.id))
    return CheckSummary(
      schema: "ipt-advisor/check-summary/1", engine: engineVersion,
      statement: decisionSupportStatement,
      pack: Report.PackInfo(program.pack), rows: rows, byTrainee: groups(\.formulation.by),
      byCase: groups(\.case.id),
      byOutput: byOutput, casesWithoutFormulation: Set(caseIDs).subtracting(formulated).sorted(),
      checks: sorted)
  }
}
