import RuleDiagnostics
public import RuleRender

/// The document of `ipt diff`: the summary first, then every changed case with the rules that
/// caused it (dropped alerts first), then how the packs' rules differ.
public struct PackDiffDocument: Sendable {
  /// A builder.
  public init() {}

  /// The whole report.
  public func document(_ diff: PackDiff) -> Document {
    var blocks: [Block] = [
      .paragraph(
        Text([
          .plain("Old: \(diff.old.id) \(diff.old.version) from \(diff.old.folder) (sha256 "),
          .code(String(diff.old.sha256.prefix(12))),
          .plain("). New: \(diff.new.id) \(diff.new.version) from \(diff.new.folder) (sha256 "),
          .code(String(diff.new.sha256.prefix(12))), .plain(")."),
        ])),
      .paragraph(
        Text(
          "\(diff.changed.count) of \(diff.cases) case\(diff.cases == 1 ? "" : "s") changed; alerts dropped in \(diff.alertsDropped), raised in \(diff.alertsRaised)."
        )),
    ]
    if diff.alertsDropped > 0 {
      blocks.append(
        .callout(
          Text(
            "The new pack no longer raises an alert in \(diff.alertsDropped) case\(diff.alertsDropped == 1 ? "" : "s"): read those first."
          ),
          .critical))
    }
    if !diff.outputsChanged.isEmpty {
      blocks.append(
        .table(
          Table(
            header: ["output", "cases changed"],
            rows: diff.outputsChanged.keys.sorted().map {
              [Text($0), Text(String(diff.outputsChanged[$0] ?? 0))]
            })))
    }
    if !diff.changed.isEmpty {
      blocks.append(.heading("Cases that changed", level: 2))
      blocks.append(.list(Self.ordered(diff.changed).map(item), ordered: false))
    }
    blocks.append(.heading("Rules that differ", level: 2))
    let rules = diff.rules
    if rules.added.isEmpty && rules.removed.isEmpty && rules.changed.isEmpty {
      blocks.append(.paragraph("The packs have the same rules."))
    } else {
      var items: [ListItem] = rules.added.map { ListItem(Text([.code($0), .plain(": added")])) }
      items += rules.removed.map { ListItem(Text([.code($0), .plain(": removed")])) }
      items += rules.changed.map { ListItem(Text([.code($0.rule), .plain(": \($0.change)")])) }
      blocks.append(.list(items, ordered: false))
    }
    if !diff.invalid.isEmpty {
      blocks.append(.heading("Cases neither pack can read", level: 2))
      blocks.append(.list(diff.invalid.map { ListItem($0) }, ordered: false))
    }
    return Document(title: "ipt-advisor diff", blocks: blocks)
  }

  /// Changed cases as the report lists them: those where an alert was dropped first, then in
  /// file order.
  public static func ordered(_ changes: [PackDiff.CaseChange]) -> [PackDiff.CaseChange] {
    changes.enumerated().sorted {
      ($0.element.alertsDropped.isEmpty ? 1 : 0, $0.offset)
        < ($1.element.alertsDropped.isEmpty ? 1 : 0, $1.offset)
    }.map(\.element)
  }

  private func item(_ change: PackDiff.CaseChange) -> ListItem {
    var children: [Block] = []
    var lines: [ListItem] = []
    if let unreadable = change.unreadable { lines.append(ListItem(unreadable)) }
    for alert in change.alertsDropped {
      lines.append(ListItem(Text([.badge("alert dropped", .critical), .plain(" "), .code(alert)])))
    }
    for alert in change.alertsRaised {
      lines.append(ListItem(Text([.badge("alert raised", .warning), .plain(" "), .code(alert)])))
    }
    for output in change.outputs {
      lines.append(
        ListItem(
          Text([
            .plain("\(output.output): "),
            .code(output.old.isEmpty ? "-" : output.old.joined(separator: ", ")),
            .plain(" -> "), .code(output.new.isEmpty ? "-" : output.new.joined(separator: ", ")),
          ])))
    }
    if !change.rules.isEmpty {
      lines.append(
        ListItem(
          Text("because"),
          children: [
            .list(
              change.rules.map { ListItem(Text([.code($0.rule), .plain(": \($0.change)")])) },
              ordered: false)
          ]))
    }
    children.append(.list(lines, ordered: false))
    return ListItem(Text([.code(change.case), .plain(" (\(change.file))")]), children: children)
  }
}
