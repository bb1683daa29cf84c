import RuleDiagnostics
/// Renders a `Report` for people: plain text (optionally coloured) or Markdown.
public struct ReportRenderer: Sendable {
  /// Plain text or Markdown.
  public enum Style: Sendable { case text, markdown }

  public var style: Style
  public var colour: Bool

  public init(style: Style, colour: Bool = false) {
    self.style = style
    self.colour = colour && style == .text
  }

  private var md: Bool { style == .markdown }

  private func paint(_ text: String, _ code: String) -> String {
    colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }

  private func heading(_ text: String, level: Int = 2) -> String {
    md ? String(repeating: "#", count: level) + " " + text + "\n\n" : paint(text.uppercased(), "1") + "\n"
  }

  private func code(_ text: String) -> String { md ? "`\(text)`" : text }

  private func bullet(_ text: String, indent: Int) -> String {
    String(repeating: "  ", count: indent) + (md ? "- " : "") + text + "\n"
  }

  /// Names in code style, at most `limit` of them.
  private func names(_ items: [String], limit: Int = 6) -> String {
    let shown = items.prefix(limit).map(code).joined(separator: ", ")
    return items.count > limit ? shown + " and \(items.count - limit) more" : shown
  }

  private func openPremises(_ rule: Report.RuleInfo) -> Int {
    rule.premises.filter { $0.truth != "true" }.count
  }

  private func points(_ w: Double) -> String {
    let n = NumberText.format(w)
    return "\(n) point\(w == 1 ? "" : "s")"
  }

  /// `ipt evaluate`: alerts first, then each output with how and why not, then what to ask next.
  public func render(_ report: Report) -> String {
    var out = ""
    out += md ? "# ipt-advisor: case \(report.case.id)\n\n" : paint("ipt-advisor: case \(report.case.id)", "1") + " (\(report.case.file))\n"
    out += (md ? "" : "") + "Pack \(report.pack.id) \(report.pack.version) (sha256 \(report.pack.sha256.prefix(12))), engine \(report.engine)\n"
    out += (md ? "\n> " : "") + report.statement + "\n\n"
    out += heading("Alerts (safety first, never ranked away)")
    if report.alerts.isEmpty {
      out += bullet("No alert fired.", indent: md ? 0 : 1)
    }
    for alert in report.alerts {
      let tag = "[\(alert.severity)]"
      let coloured = alert.severity == "critical" ? paint(tag, "1;31") : alert.severity == "warning" ? paint(tag, "1;33") : paint(tag, "1;36")
      out += bullet("\(md ? "**\(tag)**" : coloured) \(alert.label) (\(code(alert.id)))", indent: md ? 0 : 1)
      for rule in alert.raised_by {
        out += bullet("raised by \(code(rule.id))\(rule.because.map { ": \($0)" } ?? "")", indent: md ? 1 : 2)
      }
    }
    if report.deferred_pending_safety {
      out += "\n" + (md ? "> **" : paint("!! ", "1;31")) + "Suggestions below are deferred pending safety: act on the critical alert first; they show what the rules would otherwise suggest." + (md ? "**" : "") + "\n"
    }
    out += "\n"
    for output in report.outputs {
      out += renderOutput(output, deferred: report.deferred_pending_safety)
    }
    if !report.possible_alerts.isEmpty {
      out += heading("Alerts that missing findings could raise")
      for p in report.possible_alerts {
        out += bullet("[\(p.severity)] \(p.label) (\(code(p.id))): unknown \(names(p.missing))", indent: md ? 0 : 1)
      }
      out += "\n"
    }
    out += heading("What to ask next")
    if report.ask_next.isEmpty {
      out += bullet("Nothing: no unknown finding could change a pick or raise an alert.", indent: md ? 0 : 1)
    }
    for (i, q) in report.ask_next.prefix(10).enumerated() {
      var why: [String] = []
      if !q.could_raise.isEmpty { why.append("could raise \(q.could_raise.joined(separator: ", "))") }
      if !q.could_change.isEmpty {
        let shown = q.could_change.prefix(4).joined(separator: ", ")
        why.append("could change \(shown)" + (q.could_change.count > 4 ? " and \(q.could_change.count - 4) more" : ""))
      }
      out += (md ? "\(i + 1). " : "  \(i + 1). ") + "\(code(q.finding)): \(q.ask) (\(why.joined(separator: "; ")))\n"
    }
    if report.ask_next.count > 10 {
      out += bullet("... and \(report.ask_next.count - 10) more (see --format json)", indent: md ? 0 : 1)
    }
    return out
  }

  private func renderOutput(_ output: Report.OutputEntry, deferred: Bool) -> String {
    var out = ""
    var policy = "needs \(points(output.min_weight))"
    if let max = output.max { policy = "at most \(max), " + policy }
    out += heading("\(output.title) (\(policy))")
    let picked = output.values.filter { $0.status == "picked" }.sorted { ($0.rank ?? 0) < ($1.rank ?? 0) }
    if picked.isEmpty {
      out += bullet("Nothing picked.", indent: md ? 0 : 1)
    }
    for value in picked {
      let tentative = value.certain == "unknown" && !value.missing.isEmpty ? " (could change: unknown \(names(value.missing)))" : ""
      let mark = deferred ? " [deferred pending safety]" : ""
      out += bullet("\(value.rank ?? 0). \(md ? "**\(value.label)**" : paint(value.label, "1;32")) (\(code(value.name))): \(points(value.weight))\(mark)\(tentative)", indent: md ? 0 : 1)
      for rule in value.supporting { out += renderRule(rule, sign: "+", indent: md ? 1 : 2) }
      for rule in value.opposing { out += renderRule(rule, sign: "-", indent: md ? 1 : 2) }
    }
    // Text shows the values that came close; JSON has every value.
    let notPicked = output.values.filter { value in
      value.status != "picked"
        && (value.weight != 0 || !value.excluded_by.isEmpty
          || value.near_misses.first.map { openPremises($0) <= 1 } == true)
    }
    if !notPicked.isEmpty {
      out += (md ? "\n" : "") + bullet("Why not:", indent: md ? 0 : 1)
    }
    for value in notPicked {
      let reason: String
      switch value.status {
      case "excluded": reason = "excluded by \(value.excluded_by.map { code($0.id) }.joined(separator: ", "))"
      case "outranked": reason = "outranked by \(value.outranked_by.map(code).joined(separator: ", ")) with \(points(value.weight))"
      default: reason = "\(points(value.weight)), below the \(points(output.min_weight)) needed"
      }
      let open = value.certain == "unknown" && !value.missing.isEmpty ? "; undetermined for lack of \(names(value.missing))" : ""
      out += bullet("\(value.label) (\(code(value.name))): \(reason)\(open)", indent: md ? 1 : 2)
      for rule in value.excluded_by {
        out += bullet("contraindication: \(rule.because ?? rule.title)", indent: md ? 2 : 3)
      }
      for rule in value.near_misses.prefix(1) { out += renderMiss(rule, indent: md ? 2 : 3) }
    }
    for c in output.competitions {
      out += bullet(
        "Why \(code(c.picked)) rather than \(code(c.rival)): " + standing(c)
          + (c.flips.isEmpty ? ", and no unfired rule gives that much." : "; rules that would give it:"), indent: md ? 0 : 1)
      for rule in c.flips { out += renderMiss(rule, indent: md ? 1 : 2) }
    }
    out += "\n"
    return out
  }

  /// "2 points ahead; x needs 3 points more", with ties and strict overtaking said plainly.
  private func standing(_ c: Report.CompetitionEntry) -> String {
    let ahead = c.gap == 0 ? "tied on evidence, ranked by declared order" : "\(points(c.gap)) ahead"
    let needed = NumberText.format((c.needed * 1000).rounded() / 1000)
    let more = c.needed > c.gap && c.needed - c.gap < 0.001
      ? (c.gap == 0 ? "any further evidence" : "more than \(points(c.gap))")
      : "\(needed) point\(needed == "1" ? "" : "s") more"
    return "\(ahead); \(code(c.rival)) needs \(more)"
  }

  private func renderRule(_ rule: Report.RuleInfo, sign: String, indent: Int) -> String {
    var out = bullet("\(sign)\(NumberText.format(abs(rule.weight ?? 0))) \(code(rule.id)): \(rule.because ?? rule.title) [\(rule.status); \(rule.cite.joined(separator: ", "))]", indent: indent)
    for premise in rule.premises {
      let truth = premise.truth == "true" ? "holds" : premise.truth
      out += bullet(
        "\(truth): \(code(premise.condition))" + premise.observedSuffix(sources: true, derivations: true),
        indent: indent + 1)
    }
    return out
  }

  private func renderMiss(_ rule: Report.RuleInfo, indent: Int) -> String {
    var out = bullet("nearest miss \(code(rule.id)) (+\(NumberText.format(rule.weight ?? 0)), \(rule.result)): \(rule.title)", indent: indent)
    for premise in rule.premises where premise.truth != "true" {
      out += bullet(
        "\(premise.truth): \(code(premise.condition))" + premise.observedSuffix(sources: false, derivations: false),
        indent: indent + 1)
    }
    return out
  }

  /// `ipt explain`: every rule, fired, failed at which condition, or undetermined on what.
  public func renderTrace(_ report: Report) -> String {
    var out = ""
    out += md ? "# ipt-advisor trace: case \(report.case.id)\n\n" : paint("ipt-advisor trace: case \(report.case.id)", "1") + " (\(report.case.file))\n"
    out += "Pack \(report.pack.id) \(report.pack.version) (sha256 \(report.pack.sha256.prefix(12))), engine \(report.engine)\n"
    out += (md ? "\n> " : "") + report.statement + "\n\n"
    let rules = report.rules ?? []
    let counts = ["fired", "failed", "undetermined"].map { r in "\(rules.filter { $0.result == r }.count) \(r)" }
    out += "\(rules.count) rules: \(counts.joined(separator: ", "))\n\n"
    for rule in rules {
      let tag: String
      switch rule.result {
      case "fired": tag = paint("FIRED", "1;32")
      case "failed": tag = paint("failed", "2")
      default: tag = paint("undetermined", "1;33")
      }
      out += bullet("\(md ? "**\(rule.result)**" : tag) \(code(rule.id)): \(rule.title) (\(rule.location))", indent: 0)
      if let because = rule.because { out += bullet("because: \(because)", indent: 1) }
      for b in rule.bindings { out += bullet("\(b.name) = \(b.value)" + (b.source.map { " at \($0)" } ?? ""), indent: 1) }
      for premise in rule.premises {
        out += bullet(
          "\(premise.truth): \(code(premise.condition))" + premise.observedSuffix(sources: true, derivations: true),
          indent: 1)
      }
      if !rule.missing.isEmpty { out += bullet("undetermined for lack of: \(names(rule.missing, limit: 12))", indent: 1) }
    }
    return out
  }
}
