package import RuleEngine
import RuleRender

/// Scores the engine against formulations stated by published sources.
package struct AgreementReportBuilder: Sendable {
  /// The compiled pack.
  package let program: Program
  /// The engine version written into the report.
  package let engineVersion: String

  /// A builder for `program`.
  package init(program: Program, engineVersion: String) {
    self.program = program
    self.engineVersion = engineVersion
  }

  /// The report over `pairs`, one formulation each with its case's explanation.
  package func report(
    _ pairs: [(formulation: Formulation, file: String, explanation: Explanation)]
  ) -> AgreementReport {
    let sorted = pairs.sorted {
      ($0.formulation.caseID, $0.formulation.file) < ($1.formulation.caseID, $1.formulation.file)
    }
    var rows: [AgreementReport.CaseRow] = []
    var missed: [AgreementReport.MissedAlert] = []
    var required = 0
    for pair in sorted {
      let evaluation = pair.explanation.evaluation
      var outputs: [AgreementReport.CaseOutput] = []
      for (o, info) in program.outputs.enumerated() {
        guard let stated = pair.formulation.picks[o], !stated.isEmpty else { continue }
        let result = evaluation.outputs[o]
        let agrees: Bool
        if info.max != nil {
          agrees = result.picked.first.map(stated.contains) ?? false
        } else {
          agrees = stated.allSatisfy(result.picked.contains)
        }
        outputs.append(
          AgreementReport.CaseOutput(
            output: info.name, source: stated.map { info.values[$0].name },
            engine: result.picked.map { info.values[$0].name },
            provisional: result.picked.filter { result.certainty[$0] != .true }.map {
              info.values[$0].name
            },
            agrees: agrees))
      }
      let raised = Set(evaluation.alerts.map(\.alert))
      let missing = pair.formulation.alerts.filter { !raised.contains($0) }
      required += pair.formulation.alerts.count
      for alert in missing {
        missed.append(
          AgreementReport.MissedAlert(
            case: pair.formulation.caseID, alert: program.alerts[alert].name,
            severity: program.alerts[alert].severity))
      }
      rows.append(
        AgreementReport.CaseRow(
          case: pair.formulation.caseID, file: pair.file, formulation: pair.formulation.file,
          deferredPendingSafety: evaluation.deferredPendingSafety, outputs: outputs,
          missedAlerts: missing.map { program.alerts[$0].name }))
    }
    let measures = program.outputs.enumerated().compactMap { (o, info) in
      measure(o, info, sorted)
    }
    return AgreementReport(
      schema: "ipt-advisor/agreement/1", engine: engineVersion,
      statement: decisionSupportStatement, pack: Report.PackInfo(program.pack),
      formulations: sorted.count, outputs: measures,
      alerts: AgreementReport.AlertAgreement(
        required: required, raised: required - missed.count, missed: missed),
      cases: rows)
  }

  private func measure(
    _ o: Int, _ info: OutputInfo,
    _ pairs: [(formulation: Formulation, file: String, explanation: Explanation)]
  ) -> AgreementReport.OutputAgreement? {
    let stating = pairs.filter { !($0.formulation.picks[o] ?? []).isEmpty }
    guard !stating.isEmpty else { return nil }
    var stated = 0
    var agreed = 0
    var overlapping: Int?
    let measure: AgreementReport.Measure = info.max == nil ? .recall : .firstPick
    for pair in stating {
      let values = pair.formulation.picks[o] ?? []
      let picked = pair.explanation.evaluation.outputs[o].picked
      switch measure {
      case .firstPick:
        stated += 1
        if let first = picked.first, values.contains(first) { agreed += 1 }
        if picked.contains(where: values.contains) { overlapping = (overlapping ?? 0) + 1 }
      case .recall:
        stated += values.count
        agreed += values.filter(picked.contains).count
      }
    }
    if measure == .firstPick && overlapping == nil { overlapping = 0 }
    let picks = info.values.indices.map { v in
      let results = pairs.map { $0.explanation.evaluation.outputs[o] }
      return AgreementReport.ValuePicks(
        value: info.values[v].name,
        picked: results.filter { $0.picked.contains(v) }.count,
        provisional: results.filter { $0.picked.contains(v) && $0.certainty[v] != .true }.count,
        stated: pairs.filter { ($0.formulation.picks[o] ?? []).contains(v) }.count)
    }
    return AgreementReport.OutputAgreement(
      output: info.name, title: info.title, measure: measure, stated: stated, agreed: agreed,
      overlapping: overlapping,
      percent: stated == 0 ? nil : (Double(agreed) / Double(stated) * 1000).rounded() / 10,
      picks: picks)
  }
}
