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
    if let since, !AuditTime.isSince(since) {
      throw ValidationError("--since takes a date such as 2026-12-01 (or 2026-12, or a full time)")
    }
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
