import RuleDiagnostics
public import RuleRender

/// The audit report as a document (text, Markdown, HTML) and as CSV.
public struct AuditReportDocument: Sendable {
  /// A builder.
  public init() {}

  /// The report as a document.
  public func document(_ report: AuditReport) -> Document {
    var blocks: [Block] = [
      .paragraph(
        Text(
          "\(report.runs) run\(report.runs == 1 ? "" : "s"), \(report.checks) check\(report.checks == 1 ? "" : "s") and \(report.reviews) review\(report.reviews == 1 ? "" : "s")"
            + (report.since.map { " since \($0)" } ?? "")
            + "; \(report.accepted) accepted, \(report.overridden) overridden, \(report.open.count) waiting for a review."
        ))
    ]
    blocks.append(.heading("Runs per pack version", level: 2))
    blocks.append(
      report.packs.isEmpty
        ? .paragraph("No runs.")
        : .table(
          Table(
            header: ["pack", "version", "sha256", "runs", "checks", "first", "last"],
            rows: report.packs.map { p in
              [
                Text(p.id), Text(p.version), Text([.code(String(p.sha256.prefix(12)))]),
                Text(String(p.runs)), Text(String(p.checks)), Text(p.first), Text(p.last),
              ]
            })))
    blocks.append(.heading("Overrides per rule", level: 2))
    if report.rules.isEmpty {
      blocks.append(.paragraph("No reviews yet."))
    } else {
      blocks.append(
        .paragraph(
          "For each rule that supported a pick in a reviewed run: how often the review overrode an output it supported, and why. Rules overridden most are the ones a trainer should revisit."
        ))
      blocks.append(
        .table(
          Table(
            header: ["rule", "reviewed", "overridden", "%", "reasons"],
            rows: report.rules.map { r in
              [
                Text([.code(r.rule)]), Text(String(r.reviewed)), Text(String(r.overridden)),
                Text(NumberText.format(r.percent)), Text(r.reasons.joined(separator: "; ")),
              ]
            })))
    }
    blocks.append(.heading("Trainees' agreement with the engine", level: 2))
    blocks.append(
      report.trainees.isEmpty
        ? .paragraph("No checks.")
        : .table(
          Table(
            header: ["trainee", "month", "checks", "agreed", "compared", "%", "disagreements"],
            rows: report.trainees.map { t in
              [
                Text(t.trainee), Text(t.period), Text(String(t.checks)), Text(String(t.agreed)),
                Text(String(t.total)), Text(NumberText.format(t.percent)),
                Text(String(t.disagreements)),
              ]
            })))
    blocks.append(.heading("Waiting for a review", level: 2))
    if report.open.isEmpty {
      blocks.append(.paragraph("Every run and check has a review."))
    } else {
      blocks.append(
        .table(
          Table(
            header: ["record", "kind", "case", "by", "at", "alert"],
            rows: report.open.map { o in
              [
                Text(String(o.seq)), Text(o.kind.rawValue), Text([.code(o.caseID)]), Text(o.by),
                Text(o.at),
                o.critical ? Text([.badge("critical", .critical)]) : Text(""),
              ]
            })))
    }
    if !report.notReplayed.isEmpty {
      blocks.append(.heading("Not replayed", level: 2))
      blocks.append(.list(report.notReplayed.map { ListItem($0) }, ordered: false))
    }
    return Document(title: "ipt-advisor audit report", blocks: blocks)
  }

  /// The report as CSV: one row per figure, in the columns
  /// `section,item,period,count,total,percent,detail` (sections `pack`, `rule`, `trainee`,
  /// `open`).
  public func csv(_ report: AuditReport) -> String {
    var rows = [["section", "item", "period", "count", "total", "percent", "detail"]]
    for p in report.packs {
      rows.append([
        "pack", "\(p.id) \(p.version)", "\(p.first)/\(p.last)", String(p.runs + p.checks), "", "",
        p.sha256,
      ])
    }
    for r in report.rules {
      rows.append([
        "rule", r.rule, "", String(r.overridden), String(r.reviewed), NumberText.format(r.percent),
        r.reasons.joined(separator: "; "),
      ])
    }
    for t in report.trainees {
      rows.append([
        "trainee", t.trainee, t.period, String(t.agreed), String(t.total),
        NumberText.format(t.percent),
        "\(t.checks) check\(t.checks == 1 ? "" : "s"), \(t.disagreements) disagreement\(t.disagreements == 1 ? "" : "s")",
      ])
    }
    for o in report.open {
      rows.append([
        "open", String(o.seq), o.at, "", "", "",
        "\(o.kind.rawValue) \(o.caseID) by \(o.by)\(o.critical ? " (critical)" : "")",
      ])
    }
    return rows.map { $0.map(Self.field).joined(separator: ",") }.joined(separator: "\n") + "\n"
  }

  /// A CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180).
  public static func field(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
      return text
    }
    return "\"" + text.replacing("\"", with: "\"\"") + "\""
  }
}
