import ArgumentParser
import AuditStore
import RuleRender

struct AuditReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract:
      "Runs per pack version, per-rule override rates with reasons, trainees' agreement over time, open items."
  )

  /// The report's formats.
  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, markdown, html, json, csv
  }

  @Argument(help: "The audit store.")
  var store: String

  @Option(help: "Count only records written at or after this date or time (ISO 8601, UTC).")
  var since: String?

  @Option(help: "Output format: text, markdown, html, json or csv.")
  var format: Format = .text

  func validate() throws {
    if let since, !Self.isDate(since) {
      throw ValidationError("--since takes a date such as 2026-12-01 (or 2026-12, or a full time)")
    }
  }

  /// `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, optionally followed by `T` and a time.
  static func isDate(_ text: String) -> Bool {
    let date = text.split(separator: "T", maxSplits: 1).first.map(String.init) ?? ""
    let parts = date.split(separator: "-", omittingEmptySubsequences: false)
    guard (1...3).contains(parts.count),
      parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }),
      parts[0].count == 4
    else { return false }
    return parts.dropFirst().allSatisfy { $0.count == 2 }
  }

  func run() throws {
    let audit = try AuditStore.forCommand(store)
    let report: AuditReport
    do throws(AuditError) { report = try audit.report(since: since) } catch { throw error.exit() }
    let builder = AuditReportDocument()
    switch format {
    case .json: Terminal.write(JSONText.encode(report))
    case .csv: Terminal.write(builder.csv(report))
    case .text:
      Terminal.render([builder.document(report)], format: .text, title: "ipt-advisor audit report")
    case .markdown:
      Terminal.render(
        [builder.document(report)], format: .markdown, title: "ipt-advisor audit report")
    case .html:
      Terminal.render([builder.document(report)], format: .html, title: "ipt-advisor audit report")
    }
  }
}
