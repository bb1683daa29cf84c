import RuleDiagnostics
import RuleEngine
public import RuleRender

/// Builds the documents of `ipt check`: one formulation against the engine (ignored alerts first,
/// a summary per output, then every value with its verdict and why), and the supervisor's
/// overview of many.
public struct CheckDocument: Sendable {
  /// Where the pack came from, as the header should name it.
  public var packSource: String?

  /// A builder; `packSource` names where the pack was read from.
  public init(packSource: String? = nil) { self.packSource = packSource }

  static func points(_ w: Double) -> String { "\(NumberText.format(w)) point\(w == 1 ? "" : "s")" }

  static func signed(_ w: Double) -> String { (w < 0 ? "-" : "+") + NumberText.format(abs(w)) }

  static func tone(_ verdict: Verdict) -> Tone {
    switch verdict {
    case .agreed: .positive
    case .contested: .critical
    case .uncertain: .open
    case .missed, .unsupported: .warning
    }
  }

  static func countCells(_ c: VerdictCounts) -> [Text] {
    Verdict.allCases.map { Text(String(c[$0])) }
  }

  private func header(_ title: String, pack: Report.PackInfo, engine: String, statement: String)
    -> (Text, [Block])
  {
    (
      Text([.strong(title)]),
      ReportDocument.header(pack: pack, source: packSource, engine: engine, statement: statement)
    )
  }

  // MARK: One formulation

  /// `ipt check CASE --formulation FILE`.
  public func check(_ report: CheckReport) -> Document {
    var (title, blocks) = header(
      "ipt-advisor check: case \(report.case.id), formulation by \(report.formulation.by)",
      pack: report.pack,
      engine: report.engine, statement: report.statement)
    blocks.append(
      .paragraph(
        Text([
          .plain("Case "), .code(report.case.file), .plain("; formulation "),
          .code(report.formulation.file),
        ])))
    if let rationale = report.formulation.rationale?.trimmed(), !rationale.isEmpty {
      blocks.append(.callout(Text("Trainee's rationale: \(rationale)"), .plain))
    }
    blocks += alerts(report)
    blocks += counts(report)
    for output in report.outputs {
      blocks += self.output(output, deferred: report.deferredPendingSafety)
    }
    return Document(
      title: title, anchor: "\(report.case.id)-\(report.formulation.by)", blocks: blocks)
  }

  private func alerts(_ report: CheckReport) -> [Block] {
    var blocks: [Block] = [.heading("Alerts (safety first, never ranked away)", level: 2)]
    var items: [ListItem] = []
    if report.alerts.isEmpty { items.append(ListItem("No alert fired.")) }
    for alert in report.alerts {
      let label: Inline =
        alert.acknowledged
        ? .plain("taken into account") : .badge("IGNORED by the formulation", .critical)
      var raised: [ListItem] = []
      for rule in alert.raisedBy {
        raised.append(
          ListItem(
            Text([.plain("raised by "), .code(rule.id), .plain(": \(rule.because ?? rule.title)")]),
            children: !alert.acknowledged && rule.teach != nil
              ? [.list([ListItem(Text("teach: \(rule.teach ?? "")"))], ordered: false)] : []))
      }
      items.append(
        ListItem(
          Text([
            label, .plain(" "), .badge(alert.severity.rawValue, Tone(alert.severity)),
            .plain(" \(alert.label) ("), .code(alert.id), .plain(")"),
          ]),
          children: raised.isEmpty ? [] : [.list(raised, ordered: false)]))
    }
    for note in report.alertsNotRaised {
      items.append(
        ListItem(
          Text([
            .plain("listed by the formulation, not raised by the rules: "),
            .badge(note.severity.rawValue, Tone(note.severity)), .plain(" \(note.label) ("),
            .code(note.id), .plain(")"),
          ])))
    }
    blocks.append(.list(items, ordered: false))
    if report.deferredPendingSafety {
      blocks.append(
        .callout(
          "A critical alert fired: problem-area work is deferred pending safety; act on the alert first.",
          .critical))
    }
    return blocks
  }

  private func counts(_ report: CheckReport) -> [Block] {
    var rows = report.outputs.map { [Text($0.name)] + Self.countCells($0.counts) }
    rows.append([Text("total")] + Self.countCells(report.counts))
    let ignored = report.alerts.filter { !$0.acknowledged }
    let critical = ignored.filter { $0.severity == .critical }.count
    return [
      .heading("Summary", level: 2),
      .table(Table(header: ["output"] + Verdict.allCases.map(\.rawValue), rows: rows)),
      .paragraph(
        Text(
          "Ignored alerts: \(ignored.count)\(critical > 0 ? " (\(critical) critical)" : ""). "
            + "Disagreements: \(report.disagreements). Uncertain: \(report.counts.uncertain) (the engine's own decision is not settled; not counted as disagreement)."
        )),
    ]
  }

  private func output(_ output: CheckReport.OutputCheck, deferred: Bool) -> [Block] {
    var policy = "needs \(Self.points(output.minWeight))"
    if let max = output.max { policy = "at most \(max), " + policy }
    let chose: Text =
      output.addressed
      ? (output.traineeChose.isEmpty ? "nothing" : Text.names(output.traineeChose))
      : "nothing (not addressed)"
    let picks: Text = output.enginePicked.isEmpty ? "nothing" : Text.names(output.enginePicked)
    var items = [
      ListItem(
        "You chose: " + chose + ". The engine picks: " + picks
          + (deferred && !output.enginePicked.isEmpty ? " (deferred pending safety)" : "") + ".")
    ]
    let order = Dictionary(uniqueKeysWithValues: Verdict.allCases.enumerated().map { ($1, $0) })
    let sorted = output.items.enumerated().sorted { a, b in
      (order[a.element.verdict] ?? 0, a.element.rank ?? Int.max, a.offset)
        < (order[b.element.verdict] ?? 0, b.element.rank ?? Int.max, b.offset)
    }.map(\.element)
    items += sorted.map { item($0, output: output, deferred: deferred) }
    return [.heading(Text("\(output.title) (\(policy))"), level: 2), .list(items, ordered: false)]
  }

  private func item(_ item: CheckReport.ItemCheck, output: CheckReport.OutputCheck, deferred: Bool)
    -> ListItem
  {
    let head = Text([
      .badge(item.verdict.rawValue, Self.tone(item.verdict)), .plain(" "), .strong(item.label),
      .plain(" ("),
      .code(item.name), .plain(")"),
    ])
    var children: [ListItem] = []
    let text: Text
    switch item.verdict {
    case .agreed:
      var rest = ": you and the engine both chose it (\(Self.points(item.weight)))"
      if !item.uncertainBecause.isEmpty { rest += "; tentative: " + uncertainty(item).plain }
      if deferred { rest += "; deferred pending safety: act on the critical alert first" }
      text = head + rest
      children = (item.supporting + item.opposing).map { rule in
        ListItem(
          Text([
            .plain("\(Self.signed(rule.weight ?? 0)) "), .code(rule.id),
            .plain(": \(rule.because ?? rule.title)"),
          ]))
      }
    case .missed:
      text =
        head
        + ": the engine picks it with \(Self.points(item.weight)); your formulation leaves it out"
      children = evidence(item)
    case .unsupported:
      text =
        head + ": you chose it; the engine does not pick it (" + reason(item, output: output) + ")"
      children = justification(item)
    case .contested:
      text = head + ": you chose it, but it is excluded by " + Text.names(item.excludedBy.map(\.id))
      children = item.excludedBy.map { rule in
        ListItem(
          Text([
            .plain("contraindication ("), .code(rule.id),
            .plain("): \(rule.because ?? rule.title)"),
          ]),
          children: rule.teach.map { [.list([ListItem(Text("teach: \($0)"))], ordered: false)] }
            ?? [])
      }
    case .uncertain:
      let side: Text =
        item.traineeChose
        ? "you chose it; the engine does not pick it for now (" + reason(item, output: output) + ")"
        : Text(
          "the engine picks it for now with \(Self.points(item.weight)); your formulation leaves it out"
        )
      text = head + ": " + side + ". The engine is not sure either: " + uncertainty(item)
      children = (item.enginePicked ? evidence(item) : justification(item)) + askNext(item)
    }
    return ListItem(text, children: children.isEmpty ? [] : [.list(children, ordered: false)])
  }

  /// What to ask to settle an uncertain item: the safety questions in one line, then the others.
  private func askNext(_ item: CheckReport.ItemCheck) -> [ListItem] {
    if item.askNext.isEmpty {
      return [
        ListItem("Nothing to ask that would settle it: discuss the close call in supervision.")
      ]
    }
    let critical = AlertSeverity.critical.rawValue + ":"
    let safety = item.askNext.filter { q in q.couldRaise.contains { $0.hasPrefix(critical) } }
    let others = item.askNext.filter { q in !q.couldRaise.contains { $0.hasPrefix(critical) } }
    var blocks: [Block] = []
    if !safety.isEmpty {
      blocks.append(
        .list(
          [
            ListItem(
              "safety first, these could raise a critical alert: "
                + Text.names(safety.map(\.finding)))
          ],
          ordered: false))
    }
    if !others.isEmpty {
      blocks.append(
        .list(
          others.prefix(5).map { ListItem(Text([.code($0.finding), .plain(": \($0.ask)")])) },
          ordered: true))
    }
    if others.count > 5 {
      blocks.append(
        .list([ListItem("... and \(others.count - 5) more (see --format json)")], ordered: false))
    }
    return [ListItem("Ask next:", children: blocks)]
  }

  private func uncertainty(_ item: CheckReport.ItemCheck) -> Text {
    var parts: [Text] = []
    if item.uncertainBecause.contains(.undetermined) {
      parts.append(
        item.missing.isEmpty
          ? "rules that could change it are undetermined"
          : "undetermined for lack of " + Text.names(item.missing, limit: 8))
    }
    if item.uncertainBecause.contains(.closeCall) {
      var rivals = Text([])
      for (i, rival) in item.rivals.enumerated() {
        rivals =
          rivals + (i == 0 ? "" : ", ") + Text([.code(rival.name)])
          + " (\(Self.points(rival.weight)), \(rival.status.rawValue))"
      }
      parts.append(
        "a close call with " + rivals
          + ", within \(Self.points(FormulationComparison.closeCallMargin))")
    }
    var out = Text([])
    for (i, part) in parts.enumerated() { out = i == 0 ? part : out + "; " + part }
    return out
  }

  private func reason(_ item: CheckReport.ItemCheck, output: CheckReport.OutputCheck) -> Text {
    switch item.status {
    case .outranked: "\(Self.points(item.weight)), outranked by " + Text.names(output.enginePicked)
    case .excluded: "excluded by " + Text.names(item.excludedBy.map(\.id))
    default: Text("\(Self.points(item.weight)), below the \(Self.points(output.minWeight)) needed")
    }
  }

  private func teach(_ rule: Report.RuleInfo) -> [Block] {
    rule.teach.map { [.list([ListItem(Text("teach: \($0)"))], ordered: false)] } ?? []
  }

  /// The engine's evidence for a value it picks, with what each rule teaches.
  private func evidence(_ item: CheckReport.ItemCheck) -> [ListItem] {
    (item.supporting + item.opposing).map { rule in
      ListItem(
        Text([
          .plain("\(Self.signed(rule.weight ?? 0)) "), .code(rule.id),
          .plain(": \(rule.because ?? rule.title)"),
        ]),
        children: teach(rule))
    }
  }

  /// What the assessment would have to show for a value the engine does not pick.
  private func justification(_ item: CheckReport.ItemCheck) -> [ListItem] {
    var out = item.opposing.map { rule in
      ListItem(
        Text([
          .plain("against it: \(Self.signed(rule.weight ?? 0)) "), .code(rule.id),
          .plain(": \(rule.because ?? rule.title)"),
        ]), children: teach(rule))
    }
    if item.wouldSupport.isEmpty {
      if item.supporting.isEmpty {
        out.append(ListItem("No rule of the pack would support it for this case."))
      }
      return out
    }
    let rules = item.wouldSupport.map { rule in
      var conditions = rule.premises.filter { $0.truth != .true }.map { premise in
        ListItem(
          Text("\(premise.truth == .false ? "fails" : "unknown"): ")
            + Text([.code(premise.condition)])
            + premise.observedSuffix(sources: true, derivations: false))
      }
      if let teach = rule.teach { conditions.append(ListItem(Text("teach: \(teach)"))) }
      return ListItem(
        Text([
          .code(rule.id),
          .plain(" (\(Self.signed(rule.weight ?? 0)), \(rule.result.rawValue)): \(rule.title)"),
        ]),
        children: conditions.isEmpty ? [] : [.list(conditions, ordered: false)])
    }
    out.append(
      ListItem(
        "To justify it, the assessment would have to show what these rules need:",
        children: [.list(rules, ordered: false)]))
    return out
  }

  // MARK: Many formulations

  /// `ipt check CASES --formulations DIR`: the supervisor's tables, per trainee, per case, per
  /// output kind and per formulation.
  public func summary(_ summary: CheckSummary) -> Document {
    let trainees = summary.byTrainee.count
    let cases = summary.byCase.count
    var (title, blocks) = header(
      "ipt-advisor check: \(summary.rows.count) formulation\(summary.rows.count == 1 ? "" : "s") by \(trainees) trainee\(trainees == 1 ? "" : "s") of \(cases) case\(cases == 1 ? "" : "s")",
      pack: summary.pack, engine: summary.engine, statement: summary.statement)
    let countHeaders = Verdict.allCases.map(\.rawValue)
    func groupRows(_ groups: [CheckSummary.Group]) -> [[Text]] {
      groups.map { g in
        [Text(g.name), Text(String(g.formulations))] + Self.countCells(g.counts)
          + [
            Text(
              g.ignoredCriticalAlerts > 0
                ? "\(g.ignoredAlerts) (\(g.ignoredCriticalAlerts) critical)"
                : String(g.ignoredAlerts)),
            Text(String(g.disagreements)),
          ]
      }
    }
    let groupHeaders = ["formulations"] + countHeaders + ["ignored alerts", "disagreements"]
    blocks += [
      .heading("By trainee", level: 2),
      .table(Table(header: ["trainee"] + groupHeaders, rows: groupRows(summary.byTrainee))),
      .heading("By case", level: 2),
      .table(Table(header: ["case"] + groupHeaders, rows: groupRows(summary.byCase))),
      .heading("By output", level: 2),
      .table(
        Table(
          header: ["output"] + countHeaders + ["disagreements"],
          rows: summary.byOutput.map {
            [Text($0.name)] + Self.countCells($0.counts) + [Text(String($0.disagreements))]
          })),
      .heading("Formulations", level: 2),
      .table(
        Table(
          header: ["trainee", "case"] + countHeaders + ["ignored alerts"],
          rows: summary.rows.map { row in
            [Text(row.by), Text(row.case)] + Self.countCells(row.counts)
              + [Text(row.ignoredAlerts.isEmpty ? "-" : row.ignoredAlerts.joined(separator: ", "))]
          })),
    ]
    if !summary.casesWithoutFormulation.isEmpty {
      blocks.append(
        .paragraph(
          "Cases without a formulation: " + Text.names(summary.casesWithoutFormulation) + "."))
    }
    return Document(title: title, anchor: "summary", blocks: blocks)
  }
}
