import RuleDiagnostics
import RuleEngine
public import RuleRender

/// Builds the document of `ipt agreement`: the agreement table, the alerts the sources require,
/// how often each value is picked, and every case.
public struct AgreementDocument: Sendable {
  /// Where the pack came from, as the header should name it.
  public var packSource: String?

  /// A builder; `packSource` names where the pack was read from.
  public init(packSource: String? = nil) { self.packSource = packSource }

  /// The whole report.
  public func document(_ report: AgreementReport) -> Document {
    var blocks = ReportDocument.header(
      pack: report.pack, source: packSource, engine: report.engine, statement: report.statement)
    blocks.append(
      .paragraph(
        "Each case records only what its published source states; each formulation is the one the source gives. First pick: the engine's first pick is among the values the source states. Recall: the share of the values the sources state that the engine also picks."
      ))
    blocks.append(.heading("Agreement by output", level: 2))
    blocks.append(
      .table(
        Table(
          header: ["output", "measure", "stated", "agreed", "%", "any pick agrees"],
          rows: report.outputs.map { o in
            [
              Text(o.output), Text(o.measure == .firstPick ? "first pick" : "recall"),
              Text(String(o.stated)), Text(String(o.agreed)),
              Text(o.percent.map(NumberText.format) ?? "-"),
              Text(o.overlapping.map(String.init) ?? "-"),
            ]
          })))
    blocks.append(.heading("Safety alerts the sources require", level: 2))
    let alerts = report.alerts
    var alertText = Text("\(alerts.raised) of \(alerts.required) raised")
    if alerts.missed.isEmpty {
      alertText = alertText + "."
      blocks.append(.paragraph(alertText))
    } else {
      alertText = alertText + "; not raised:"
      blocks.append(.callout(alertText, .critical))
      blocks.append(
        .list(
          alerts.missed.map { m in
            ListItem(Text([.code(m.case), .plain(": \(m.severity.rawValue) "), .code(m.alert)]))
          }, ordered: false))
    }
    blocks.append(.heading("Picks by value", level: 2))
    let ranked = report.outputs.filter { $0.measure == .firstPick }
    blocks.append(
      .table(
        Table(
          header: ["output", "value", "picked", "provisional", "stated by a source"],
          rows: ranked.flatMap { o in
            o.picks.map { p in
              [
                Text(o.output), Text(p.value), Text(String(p.picked)),
                Text(String(p.provisional)), Text(String(p.stated)),
              ]
            }
          })))
    blocks.append(.heading("Cases", level: 2))
    blocks.append(
      .paragraph(
        "A value followed by ? is a provisional pick: an unknown finding could still change it."))
    blocks.append(
      .table(
        Table(
          header: ["case", "output", "source", "engine", ""],
          rows: report.cases.flatMap { row in
            row.outputs.map { o in
              [
                Text(row.case), Text(o.output), Text(o.source.joined(separator: ", ")),
                Text(
                  o.engine.isEmpty
                    ? "-"
                    : o.engine.map { o.provisional.contains($0) ? "\($0)?" : $0 }.joined(
                      separator: ", ")),
                Text(o.agrees ? "agrees" : "differs"),
              ]
            }
          })))
    return Document(
      title: Text([
        .strong(
          "ipt-advisor agreement: \(report.formulations) published formulation\(report.formulations == 1 ? "" : "s")"
        )
      ]), blocks: blocks)
  }
}
