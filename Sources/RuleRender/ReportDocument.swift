import RuleDiagnostics
import RuleEngine

/// Builds the human-readable documents of an evaluation: `ipt evaluate` (alerts first, then each
/// output with how and why not, then what to ask next) and `ipt explain` (every rule).
public struct ReportDocument: Sendable {
  /// Where the pack came from, as the header should name it (`rules/ipt-core (bundled)`).
  public var packSource: String?
  /// When set, every finding that the report asks about (what to ask next, the findings missing
  /// for a possible alert or to settle a value) links to `#` this prefix and the finding's name:
  /// the field of a form beside the report (`field-` on the Evaluate page of `ipt serve`).
  public var fieldAnchor: String?

  /// A builder; `packSource` names where the pack was read from, and `fieldAnchor` (when set)
  /// makes each finding asked about a link to the form field `#<fieldAnchor><finding>`.
  public init(packSource: String? = nil, fieldAnchor: String? = nil) {
    self.packSource = packSource
    self.fieldAnchor = fieldAnchor
  }

  /// A finding asked about: its name as code, linked to its form field when `fieldAnchor` is set.
  func asked(_ finding: String) -> Inline {
    guard let fieldAnchor else { return .code(finding) }
    return .link(Text([.code(finding)]), target: "#\(fieldAnchor)\(finding)")
  }

  /// Findings asked about, as `Text.names` writes them, each linked like `asked`.
  func askedNames(_ findings: [String], limit: Int) -> Text {
    Text(
      Text.names(findings, limit: limit).runs.map { run in
        guard case .code(let finding) = run else { return run }
        return asked(finding)
      })
  }

  /// The header every report starts with: the pack, the engine and the decision-support statement.
  public static func header(
    pack: Report.PackInfo, source: String?, engine: String, statement: String
  ) -> [Block] {
    [
      .paragraph(
        Text(
          "Pack \(pack.id) \(pack.version) (sha256 \(pack.sha256.prefix(12)))"
            + (source.map { " from \($0)" } ?? "") + ", engine \(engine), \(pack.modeText)")),
      .callout(Text(statement), .plain),
    ]
  }

  static func points(_ w: Double) -> String {
    "\(NumberText.format(w)) point\(w == 1 ? "" : "s")"
  }

  /// `ipt evaluate`.
  public func evaluation(_ report: Report) -> Document {
    var blocks = Self.header(
      pack: report.pack, source: packSource, engine: report.engine, statement: report.statement)
    if let wouldFire = report.wouldFire {
      blocks.append(
        .paragraph(
          wouldFire.isEmpty
            ? "Release mode: no skipped draft rule would have fired on this case."
            : Text("Release mode: these skipped draft rules would have fired on this case: ")
              + Text(
                wouldFire.enumerated().flatMap { i, id in
                  (i == 0 ? [] : [Inline.plain(", ")]) + [Inline.code(id)]
                }) + "."))
    }
    blocks.append(.heading("Alerts (safety first, never ranked away)", level: 2))
    if report.alerts.isEmpty {
      blocks.append(.list([ListItem("No alert fired.")], ordered: false))
    } else {
      blocks.append(
        .list(
          report.alerts.map { alert in
            ListItem(
              Text([
                .badge(alert.severity.rawValue, Tone(alert.severity)), .plain(" \(alert.label) ("),
              ])
                + Text([.code(alert.id), .plain(")")]),
              children: [
                .list(
                  alert.raisedBy.map { rule in
                    ListItem(
                      Text([.plain("raised by "), .code(rule.id)])
                        + (rule.because.map { ": \($0)" } ?? ""))
                  }, ordered: false)
              ])
          }, ordered: false))
    }
    if report.deferredPendingSafety {
      blocks.append(
        .callout(
          "Suggestions below are deferred pending safety: act on the critical alert first; they show what the rules would otherwise suggest.",
          .critical))
    }
    for course in report.course ?? [] { blocks += self.course(course) }
    for output in report.outputs {
      blocks += self.output(output, deferred: report.deferredPendingSafety)
    }
    if !report.possibleAlerts.isEmpty {
      blocks.append(.heading("Alerts that missing findings could raise", level: 2))
      blocks.append(
        .list(
          report.possibleAlerts.map { p in
            ListItem(
              Text([.badge(p.severity.rawValue, Tone(p.severity)), .plain(" \(p.label) (")])
                + Text([.code(p.id), .plain("): unknown ")]) + askedNames(p.missing, limit: 6))
          }, ordered: false))
    }
    blocks.append(.heading("What to ask next", level: 2))
    if report.askNext.isEmpty {
      blocks.append(
        .list(
          [ListItem("Nothing: no unknown finding could change a pick or raise an alert.")],
          ordered: false))
    } else {
      blocks.append(.list(report.askNext.prefix(10).map(question), ordered: true))
      if report.askNext.count > 10 {
        blocks.append(
          .list(
            [ListItem("... and \(report.askNext.count - 10) more (see --format json)")],
            ordered: false))
      }
    }
    return Document(
      title: Text([
        .strong("ipt-advisor: case \(report.case.id)"), .plain(" (\(report.case.file))"),
      ]),
      anchor: report.case.id, blocks: blocks, badge: Self.badge(report))
  }

  /// The most severe fired alert, for a table of contents.
  static func badge(_ report: Report) -> Inline? {
    guard let severity = report.alerts.map(\.severity).max() else { return nil }
    return .badge("\(severity.rawValue) alert", Tone(severity))
  }

  func question(_ q: Report.QuestionEntry) -> ListItem {
    var why: [String] = []
    if !q.couldRaise.isEmpty { why.append("could raise \(q.couldRaise.joined(separator: ", "))") }
    if !q.couldChange.isEmpty {
      let shown = q.couldChange.prefix(4).joined(separator: ", ")
      why.append(
        "could change \(shown)"
          + (q.couldChange.count > 4 ? " and \(q.couldChange.count - 4) more" : ""))
    }
    return ListItem(
      Text([asked(q.finding), .plain(": \(q.ask) (\(why.joined(separator: "; ")))")]))
  }

  /// The course of therapy: a row per session with each score and its band, then per instrument
  /// the baseline, latest and lowest score and the change, with a chart (drawn in HTML).
  func course(_ course: CourseInfo) -> [Block] {
    // Free text (notes) stays in the case file; the table holds what can be compared.
    let shown = course.columns.indices.filter { k in
      course.rows.contains { !$0.values[k].isEmpty } && course.columns[k].name != "notes"
    }
    var blocks: [Block] = [
      .heading(
        Text("Course of therapy (\(course.rows.count) \(course.finding), in order)"), level: 2),
      .table(
        Table(
          header: shown.map { course.columns[$0].name },
          rows: course.rows.map { row in
            shown.map { k in
              let value = row.values[k].isEmpty ? "-" : row.values[k]
              return Text(row.bands[k].map { "\(value) (\($0))" } ?? value)
            }
          })),
    ]
    for instrument in course.instruments {
      func points(_ v: Double?) -> String { v.map(NumberText.format) ?? "-" }
      var summary =
        "\(instrument.name): baseline \(points(instrument.baseline)), latest \(points(instrument.latest))"
      if let band = instrument.latestBand { summary += " (\(band))" }
      summary += ", lowest \(points(instrument.lowest))"
      if let change = instrument.change {
        summary += "; change \(change > 0 ? "+" : "")\(NumberText.format(change))"
        if let percent = instrument.percentChange {
          summary += " (\(percent > 0 ? "+" : "")\(NumberText.format(percent))%)"
        }
      }
      blocks.append(.paragraph(Text(summary + ".")))
      let range = instrument.range.flatMap { r in r.count == 2 ? r[0]...r[1] : nil }
      let ys = instrument.points.map(\.value)
      blocks.append(
        .chart(
          Chart(
            title:
              "\(instrument.name) over the course: \(instrument.points.count) score\(instrument.points.count == 1 ? "" : "s") against its bands",
            points: instrument.points.map { Chart.Point(x: Double($0.item), y: $0.value) },
            xRange: 1...Double(max(course.rows.count, 2)),
            yRange: range ?? (ys.min() ?? 0)...(ys.max() ?? 1),
            bands: instrument.bands,
            baseline: instrument.baseline, xLabel: "session")))
    }
    return blocks
  }

  private func output(_ output: Report.OutputEntry, deferred: Bool) -> [Block] {
    var policy = "needs \(Self.points(output.minWeight))"
    if let max = output.max { policy = "at most \(max), " + policy }
    var blocks: [Block] = [.heading(Text("\(output.title) (\(policy))"), level: 2)]
    let picked = output.values.filter { $0.status == .picked }.sorted {
      ($0.rank ?? 0) < ($1.rank ?? 0)
    }
    if picked.isEmpty {
      blocks.append(.list([ListItem("Nothing picked.")], ordered: false))
    } else {
      blocks.append(
        .list(
          picked.map { value in
            let tentative =
              value.provisional == true
              ? Text([.plain(" "), .badge("provisional", .open)]) + settle(value) : Text([])
            let mark: [Inline] =
              deferred ? [.plain(" "), .badge("deferred pending safety", .critical)] : []
            return ListItem(
              Text(
                [
                  .strong(value.label), .plain(" ("), .code(value.name),
                  .plain("): \(Self.points(value.weight))"),
                ] + mark)
                + tentative,
              children: [
                .list(
                  value.supporting.map { rule($0, sign: "+") }
                    + value.opposing.map { rule($0, sign: "-") },
                  ordered: false)
              ])
          }, ordered: true))
    }
    // Text shows the values that came close; JSON has every value.
    let notPicked = output.values.filter { value in
      value.status != .picked
        && (value.weight != 0 || !value.excludedBy.isEmpty || value.possible == true
          || value.nearMisses.first.map { $0.premises.filter { $0.truth != .true }.count <= 1 }
            == true)
    }
    if !notPicked.isEmpty {
      blocks.append(
        .list(
          [
            ListItem(
              "Why not:",
              children: [.list(notPicked.map { whyNot($0, output: output) }, ordered: false)])
          ],
          ordered: false))
    }
    if !output.competitions.isEmpty {
      blocks.append(
        .list(
          output.competitions.map { c in
            ListItem(
              Text([
                .plain("Why "), .code(c.picked), .plain(" rather than "), .code(c.rival),
                .plain(": "),
              ])
                + standing(c)
                + (c.flips.isEmpty
                  ? ", and no unfired rule gives that much." : "; rules that would give it:"),
              children: c.flips.isEmpty ? [] : [.list(c.flips.map(miss), ordered: false)])
          }, ordered: false))
    }
    return blocks
  }

  private func whyNot(_ value: Report.ValueEntry, output: Report.OutputEntry) -> ListItem {
    var reason: Text
    switch value.status {
    case .excluded: reason = "excluded by " + Text.names(value.excludedBy.map(\.id))
    case .outranked:
      reason =
        "outranked by " + Text.names(value.outrankedBy) + " with \(Self.points(value.weight))"
    default:
      reason = Text(
        "\(Self.points(value.weight)), below the \(Self.points(output.minWeight)) needed")
    }
    if value.possible == true {
      reason = reason + Text([.plain(" "), .badge("possible", .open)]) + settle(value)
    }
    let children =
      value.excludedBy.map { ListItem(Text("contraindication: \($0.because ?? $0.title)")) }
      + value.nearMisses.prefix(1).map(miss)
    return ListItem(
      Text([.plain("\(value.label) ("), .code(value.name), .plain("): ")]) + reason,
      children: children.isEmpty ? [] : [.list(children, ordered: false)])
  }

  /// "2 points ahead; x needs 3 points more", with ties and strict overtaking said plainly.
  private func standing(_ c: Report.CompetitionEntry) -> Text {
    let ahead =
      c.gap == 0 ? "tied on evidence, ranked by declared order" : "\(Self.points(c.gap)) ahead"
    let needed = NumberText.format((c.needed * 1000).rounded() / 1000)
    let more =
      c.needed > c.gap && c.needed - c.gap < 0.001
      ? (c.gap == 0 ? "any further evidence" : "more than \(Self.points(c.gap))")
      : "\(needed) point\(needed == "1" ? "" : "s") more"
    return Text([.plain("\(ahead); "), .code(c.rival), .plain(" needs \(more)")])
  }

  /// What would settle a provisional or possible value: the questions, in the order to ask them.
  func settle(_ value: Report.ValueEntry) -> Text {
    guard let findings = value.settledBy, !findings.isEmpty else { return Text([]) }
    return "; settle by asking about " + askedNames(findings, limit: 4)
  }

  /// "holds", "false" or "unknown"; a condition decided on values known only as ranges says it
  /// held (or failed) for every possible value.
  static func truth(_ premise: Report.PremiseInfo, holds: String = "holds") -> String {
    let word = premise.truth == .true ? holds : premise.truth.description
    guard premise.truth != .unknown, premise.observed.contains(where: { $0.ranged == true }) else {
      return word
    }
    return word + " for every possible value"
  }

  /// A fired rule with its evidence: the premises collapse in HTML.
  func rule(_ rule: Report.RuleInfo, sign: String) -> ListItem {
    let premises = rule.premises.map { premise in
      ListItem(
        Text("\(Self.truth(premise)): ")
          + Text([.code(premise.condition)])
          + premise.observedSuffix(sources: true, derivations: true))
    }
    return ListItem(
      Text([.plain("\(sign)\(NumberText.format(abs(rule.weight ?? 0))) "), .code(rule.id)])
        + ": \(rule.because ?? rule.title) [\(rule.status.rawValue); \(rule.cite.joined(separator: ", "))]",
      children: premises.isEmpty
        ? [] : [.details(summary: "evidence", [.list(premises, ordered: false)])])
  }

  /// A rule that would have supported a value, with the conditions that did not hold.
  func miss(_ rule: Report.RuleInfo) -> ListItem {
    let open = rule.premises.filter { $0.truth != .true }.map { premise in
      ListItem(
        Text("\(Self.truth(premise, holds: "true")): ") + Text([.code(premise.condition)])
          + premise.observedSuffix(sources: false, derivations: false))
    }
    return ListItem(
      Text([.plain("nearest miss "), .code(rule.id)])
        + " (+\(NumberText.format(rule.weight ?? 0)), \(rule.result.rawValue)): \(rule.title)",
      children: open.isEmpty ? [] : [.list(open, ordered: false)])
  }

  /// `ipt explain`: every rule, fired, failed at which condition, or undetermined on what.
  public func trace(_ report: Report) -> Document {
    var blocks = Self.header(
      pack: report.pack, source: packSource, engine: report.engine, statement: report.statement)
    let rules = report.rules ?? []
    let counts = RuleResult.allCases.map { r in
      "\(rules.filter { $0.result == r }.count) \(r.rawValue)"
    }
    blocks.append(
      .heading(Text("\(rules.count) rules: \(counts.joined(separator: ", "))"), level: 2))
    blocks.append(
      .list(
        rules.map { rule in
          var children: [ListItem] = []
          if let because = rule.because { children.append(ListItem(Text("because: \(because)"))) }
          for b in rule.bindings {
            children.append(
              ListItem(Text("\(b.name) = \(b.value)" + (b.source.map { " at \($0)" } ?? ""))))
          }
          for premise in rule.premises {
            children.append(
              ListItem(
                Text("\(Self.truth(premise, holds: "true")): ") + Text([.code(premise.condition)])
                  + premise.observedSuffix(sources: true, derivations: true)))
          }
          if !rule.missing.isEmpty {
            children.append(
              ListItem("undetermined for lack of: " + Text.names(rule.missing, limit: 12)))
          }
          return ListItem(
            Text([.badge(rule.result.rawValue, Tone(rule.result)), .plain(" "), .code(rule.id)])
              + ": \(rule.title) (\(rule.location))",
            children: children.isEmpty ? [] : [.list(children, ordered: false)])
        }, ordered: false))
    return Document(
      title: Text([
        .strong("ipt-advisor trace: case \(report.case.id)"), .plain(" (\(report.case.file))"),
      ]),
      anchor: report.case.id, blocks: blocks)
  }
}
