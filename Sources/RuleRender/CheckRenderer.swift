import RuleDiagnostics
import Foundation
import RuleEngine

/// Renders formulation checks for people: plain text (optionally coloured) or Markdown.
public struct CheckRenderer: Sendable {
  public var style: ReportRenderer.Style
  public var colour: Bool

  public init(style: ReportRenderer.Style, colour: Bool = false) {
    self.style = style
    self.colour = colour && style == .text
  }

  private var md: Bool { style == .markdown }

  private func paint(_ text: String, _ code: String) -> String {
    colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }

  private func heading(_ text: String, level: Int = 2) -> String {
    md
      ? String(repeating: "#", count: level) + " " + text + "\n\n"
      : paint(text.uppercased(), "1") + "\n"
  }

  private func code(_ text: String) -> String { md ? "`\(text)`" : text }

  /// A line at a nesting depth: Markdown bullets from depth 0, text indented by one more level.
  private func line(_ text: String, depth: Int) -> String {
    md
      ? String(repeating: "  ", count: depth) + "- " + text + "\n"
      : String(repeating: "  ", count: depth + 1) + text + "\n"
  }

  /// Names in code style, at most `limit` of them.
  private func names(_ items: [String], limit: Int = .max) -> String {
    let shown = items.prefix(limit).map(code).joined(separator: ", ")
    return items.count > limit ? shown + " and \(items.count - limit) more" : shown
  }

  private func points(_ w: Double) -> String {
    "\(NumberText.format(w)) point\(w == 1 ? "" : "s")"
  }

  private func signed(_ w: Double) -> String {
    (w < 0 ? "-" : "+") + NumberText.format(abs(w))
  }

  private func tag(_ verdict: String) -> String {
    if md { return "**\(verdict)**" }
    let text = "[\(verdict)]"
    switch verdict {
    case Verdict.agreed.rawValue: return paint(text, "1;32")
    case Verdict.contested.rawValue: return paint(text, "1;31")
    case Verdict.uncertain.rawValue: return paint(text, "1;36")
    default: return paint(text, "1;33")
    }
  }

  private func header(_ title: String, pack: Report.PackInfo, engine: String, statement: String)
    -> String
  {
    var out = md ? "# \(title)\n\n" : paint(title, "1") + "\n"
    out += "Pack \(pack.id) \(pack.version) (sha256 \(pack.sha256.prefix(12))), engine \(engine)\n"
    out += (md ? "\n> " : "") + statement + "\n\n"
    return out
  }

  // MARK: - One formulation

  /// `ipt check CASE --formulation FILE`: ignored alerts first, a summary per output, then every
  /// value the trainee chose or the engine picked, with its verdict and why.
  public func render(_ report: CheckReport) -> String {
    var out = header(
      "ipt-advisor check: case \(report.case.id), formulation by \(report.formulation.by)",
      pack: report.pack,
      engine: report.engine, statement: report.statement)
    out += "Case \(code(report.case.file)); formulation \(code(report.formulation.file))\n"
    if let rationale = report.formulation.rationale?.trimmingCharacters(
      in: .whitespacesAndNewlines),
      !rationale.isEmpty
    {
      out += (md ? "\n> " : "") + "Trainee's rationale: \(rationale)\n"
    }
    out += "\n"
    out += renderAlerts(report)
    out += renderCounts(report)
    for output in report.outputs {
      out += renderOutput(output, deferred: report.deferred_pending_safety)
    }
    return out
  }

  private func renderAlerts(_ report: CheckReport) -> String {
    var out = heading("Alerts (safety first, never ranked away)")
    if report.alerts.isEmpty {
      out += line("No alert fired.", depth: 0)
    }
    for alert in report.alerts {
      let severity = "[\(alert.severity)]"
      let label: String
      if alert.acknowledged {
        label = "taken into account"
      } else {
        label = md ? "**IGNORED by the formulation**" : paint("IGNORED by the formulation", "1;31")
      }
      out += line(
        "\(label) \(md ? "**\(severity)**" : severity) \(alert.label) (\(code(alert.id)))", depth: 0
      )
      for rule in alert.raised_by {
        out += line("raised by \(code(rule.id)): \(rule.because ?? rule.title)", depth: 1)
        if !alert.acknowledged, let teach = rule.teach { out += line("teach: \(teach)", depth: 2) }
      }
    }
    for note in report.alerts_not_raised {
      out += line(
        "listed by the formulation, not raised by the rules: [\(note.severity)] \(note.label) (\(code(note.id)))",
        depth: 0)
    }
    if report.deferred_pending_safety {
      out +=
        "\n" + (md ? "> **" : paint("!! ", "1;31"))
        + "A critical alert fired: problem-area work is deferred pending safety; act on the alert first."
        + (md ? "**" : "") + "\n"
    }
    return out + "\n"
  }

  private func countColumns(_ c: VerdictCounts) -> [String] {
    Verdict.allCases.map { String(c[$0]) }
  }

  private func renderCounts(_ report: CheckReport) -> String {
    var out = heading("Summary")
    var rows = report.outputs.map { [$0.name] + countColumns($0.counts) }
    rows.append(["total"] + countColumns(report.counts))
    out += table(["output"] + Verdict.allCases.map(\.rawValue), rows)
    let ignored = report.alerts.filter { !$0.acknowledged }
    let critical = ignored.filter { $0.severity == AlertSeverity.critical.rawValue }.count
    out +=
      (md ? "\n" : "")
      + "Ignored alerts: \(ignored.count)\(critical > 0 ? " (\(critical) critical)" : ""). "
      + "Disagreements: \(report.disagreements). Uncertain: \(report.counts.uncertain) (the engine's own decision is not settled; not counted as disagreement).\n\n"
    return out
  }

  private func renderOutput(_ output: CheckReport.OutputCheck, deferred: Bool) -> String {
    var policy = "needs \(points(output.min_weight))"
    if let max = output.max { policy = "at most \(max), " + policy }
    var out = heading("\(output.title) (\(policy))")
    let chose =
      output.addressed
      ? (output.trainee_chose.isEmpty ? "nothing" : names(output.trainee_chose))
      : "nothing (not addressed)"
    let picks = output.engine_picked.isEmpty ? "nothing" : names(output.engine_picked)
    out += line(
      "You chose: \(chose). The engine picks: \(picks)\(deferred && !output.engine_picked.isEmpty ? " (deferred pending safety)" : "").",
      depth: 0)
    let order = Dictionary(
      uniqueKeysWithValues: Verdict.allCases.enumerated().map { ($1.rawValue, $0) })
    let items = output.items.enumerated().sorted { a, b in
      let ka = (order[a.element.verdict] ?? 0, a.element.rank ?? Int.max, a.offset)
      let kb = (order[b.element.verdict] ?? 0, b.element.rank ?? Int.max, b.offset)
      return ka < kb
    }.map(\.element)
    for item in items { out += renderItem(item, output: output, deferred: deferred) }
    return out + "\n"
  }

  private func renderItem(
    _ item: CheckReport.ItemCheck, output: CheckReport.OutputCheck, deferred: Bool
  ) -> String {
    let name = "\(md ? "**\(item.label)**" : item.label) (\(code(item.name)))"
    var out = ""
    switch item.verdict {
    case Verdict.agreed.rawValue:
      var text =
        "\(tag(item.verdict)) \(name): you and the engine both chose it (\(points(item.weight)))"
      if !item.uncertain_because.isEmpty {
        text += "; tentative: \(uncertainty(item))"
      }
      if deferred { text += "; deferred pending safety: act on the critical alert first" }
      out += line(text, depth: 0)
      for rule in item.supporting {
        out += line(
          "\(signed(rule.weight ?? 0)) \(code(rule.id)): \(rule.because ?? rule.title)", depth: 1)
      }
      for rule in item.opposing {
        out += line(
          "\(signed(rule.weight ?? 0)) \(code(rule.id)): \(rule.because ?? rule.title)", depth: 1)
      }
    case Verdict.missed.rawValue:
      out += line(
        "\(tag(item.verdict)) \(name): the engine picks it with \(points(item.weight)); your formulation leaves it out",
        depth: 0)
      out += evidence(item)
    case Verdict.unsupported.rawValue:
      out += line(
        "\(tag(item.verdict)) \(name): you chose it; the engine does not pick it (\(reason(item, output: output)))",
        depth: 0)
      out += justification(item)
    case Verdict.contested.rawValue:
      out += line(
        "\(tag(item.verdict)) \(name): you chose it, but it is excluded by \(names(item.excluded_by.map(\.id)))",
        depth: 0)
      for rule in item.excluded_by {
        out += line("contraindication (\(code(rule.id))): \(rule.because ?? rule.title)", depth: 1)
        if let teach = rule.teach { out += line("teach: \(teach)", depth: 2) }
      }
    default:
      let side =
        item.trainee_chose
        ? "you chose it; the engine does not pick it for now (\(reason(item, output: output)))"
        : "the engine picks it for now with \(points(item.weight)); your formulation leaves it out"
      out += line(
        "\(tag(item.verdict)) \(name): \(side). The engine is not sure either: \(uncertainty(item))",
        depth: 0)
      if item.engine_picked { out += evidence(item) } else { out += justification(item) }
      out += askNext(item)
    }
    return out
  }

  /// What to ask to settle an uncertain item: the safety questions in one line, then the others.
  private func askNext(_ item: CheckReport.ItemCheck) -> String {
    if item.ask_next.isEmpty {
      return line(
        "Nothing to ask that would settle it: discuss the close call in supervision.", depth: 1)
    }
    let critical = AlertSeverity.critical.rawValue + ":"
    let safety = item.ask_next.filter { q in q.could_raise.contains { $0.hasPrefix(critical) } }
    let others = item.ask_next.filter { q in !q.could_raise.contains { $0.hasPrefix(critical) } }
    var out = line("Ask next:", depth: 1)
    if !safety.isEmpty {
      out += line(
        "safety first, these could raise a critical alert: \(names(safety.map(\.finding)))",
        depth: 2)
    }
    for (i, q) in others.prefix(5).enumerated() {
      out += (md ? "    \(i + 1). " : "      \(i + 1). ") + "\(code(q.finding)): \(q.ask)\n"
    }
    if others.count > 5 {
      out += line("... and \(others.count - 5) more (see --format json)", depth: 2)
    }
    return out
  }

  private func uncertainty(_ item: CheckReport.ItemCheck) -> String {
    var parts: [String] = []
    if item.uncertain_because.contains(UncertaintyReason.undetermined.rawValue) {
      parts.append(
        item.missing.isEmpty
          ? "rules that could change it are undetermined"
          : "undetermined for lack of \(names(item.missing, limit: 8))")
    }
    if item.uncertain_because.contains(UncertaintyReason.closeCall.rawValue) {
      let rivals = item.rivals.map { "\(code($0.name)) (\(points($0.weight)), \($0.status))" }
      parts.append(
        "a close call with \(rivals.joined(separator: ", ")), within \(points(FormulationComparison.closeCallMargin))"
      )
    }
    return parts.joined(separator: "; ")
  }

  private func reason(_ item: CheckReport.ItemCheck, output: CheckReport.OutputCheck) -> String {
    switch item.status {
    case "outranked":
      return "\(points(item.weight)), outranked by \(names(output.engine_picked))"
    case "excluded":
      return "excluded by \(names(item.excluded_by.map(\.id)))"
    default:
      return "\(points(item.weight)), below the \(points(output.min_weight)) needed"
    }
  }

  /// The engine's evidence for a value it picks, with what each rule teaches.
  private func evidence(_ item: CheckReport.ItemCheck) -> String {
    var out = ""
    for rule in item.supporting + item.opposing {
      out += line(
        "\(signed(rule.weight ?? 0)) \(code(rule.id)): \(rule.because ?? rule.title)", depth: 1)
      if let teach = rule.teach { out += line("teach: \(teach)", depth: 2) }
    }
    return out
  }

  /// What the assessment would have to show for a value the engine does not pick.
  private func justification(_ item: CheckReport.ItemCheck) -> String {
    var out = ""
    for rule in item.opposing {
      out += line(
        "against it: \(signed(rule.weight ?? 0)) \(code(rule.id)): \(rule.because ?? rule.title)",
        depth: 1)
      if let teach = rule.teach { out += line("teach: \(teach)", depth: 2) }
    }
    if item.would_support.isEmpty {
      if item.supporting.isEmpty {
        out += line("No rule of the pack would support it for this case.", depth: 1)
      }
      return out
    }
    out += line("To justify it, the assessment would have to show what these rules need:", depth: 1)
    for rule in item.would_support {
      out += line(
        "\(code(rule.id)) (\(signed(rule.weight ?? 0)), \(rule.result)): \(rule.title)", depth: 2)
      for premise in rule.premises where premise.truth != "true" {
        out += line(
          "\(premise.truth == "false" ? "fails" : "unknown"): \(code(premise.condition))"
            + premise.observedSuffix(sources: true, derivations: false), depth: 3)
      }
      if let teach = rule.teach { out += line("teach: \(teach)", depth: 3) }
    }
    return out
  }

  // MARK: - Many formulations

  /// `ipt check CASES --formulations DIR`: the supervisor's tables, per trainee, per case, per
  /// output kind and per formulation.
  public func render(_ summary: CheckSummary) -> String {
    let trainees = summary.by_trainee.count
    let cases = summary.by_case.count
    var out = header(
      "ipt-advisor check: \(summary.rows.count) formulation\(summary.rows.count == 1 ? "" : "s") by \(trainees) trainee\(trainees == 1 ? "" : "s") of \(cases) case\(cases == 1 ? "" : "s")",
      pack: summary.pack, engine: summary.engine, statement: summary.statement)
    let countHeaders = Verdict.allCases.map(\.rawValue)
    func groupRows(_ groups: [CheckSummary.Group]) -> [[String]] {
      groups.map { g in
        [g.name, String(g.formulations)] + countColumns(g.counts)
          + [
            g.ignored_critical_alerts > 0
              ? "\(g.ignored_alerts) (\(g.ignored_critical_alerts) critical)"
              : String(g.ignored_alerts),
            String(g.disagreements),
          ]
      }
    }
    let groupHeaders = ["formulations"] + countHeaders + ["ignored alerts", "disagreements"]
    out += heading("By trainee")
    out += table(["trainee"] + groupHeaders, groupRows(summary.by_trainee)) + "\n"
    out += heading("By case")
    out += table(["case"] + groupHeaders, groupRows(summary.by_case)) + "\n"
    out += heading("By output")
    out +=
      table(
        ["output"] + countHeaders + ["disagreements"],
        summary.by_output.map { [$0.name] + countColumns($0.counts) + [String($0.disagreements)] })
      + "\n"
    out += heading("Formulations")
    out += table(
      ["trainee", "case"] + countHeaders + ["ignored alerts"],
      summary.rows.map { row in
        [row.by, row.case] + countColumns(row.counts)
          + [row.ignored_alerts.isEmpty ? "-" : row.ignored_alerts.joined(separator: ", ")]
      })
    if !summary.cases_without_formulation.isEmpty {
      out += "\n" + "Cases without a formulation: \(names(summary.cases_without_formulation)).\n"
    }
    return out
  }

  /// A table: columns of numbers right-aligned, text left-aligned. Markdown gets a pipe table.
  private func table(_ header: [String], _ rows: [[String]]) -> String {
    let numeric = header.indices.map { i in
      i > 0 && rows.allSatisfy { row in i < row.count && (row[i].first.map(\.isNumber) ?? false) }
    }
    if md {
      var out = "| " + header.joined(separator: " | ") + " |\n"
      out += "|" + numeric.map { $0 ? " ---: |" : " --- |" }.joined() + "\n"
      for row in rows {
        out +=
          "| " + row.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ")
          + " |\n"
      }
      return out
    }
    var widths = header.map(\.count)
    for row in rows {
      for (i, cell) in row.enumerated() where i < widths.count {
        widths[i] = max(widths[i], cell.count)
      }
    }
    func render(_ cells: [String]) -> String {
      let padded = cells.enumerated().map { i, cell -> String in
        let pad = String(repeating: " ", count: max(0, widths[i] - cell.count))
        return numeric[i] ? pad + cell : cell + pad
      }
      var text = "  " + padded.joined(separator: "  ")
      while text.hasSuffix(" ") { text.removeLast() }
      return text + "\n"
    }
    return render(header) + rows.map(render).joined()
  }
}
