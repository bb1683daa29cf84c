import ArgumentParser
import AuditStore
import RuleRender

struct AuditShowCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: "Print a record with its full explanation (re-derived by replay) and its reviews.")

  @Argument(help: "The audit store.")
  var store: String

  @Argument(help: "The record's sequence number.")
  var record: Int64

  @Option(help: "Output format: text, markdown or html.")
  var format: ReportFormat = .text

  func validate() throws {
    if format == .json {
      throw ValidationError(
        "'ipt audit show' prints text, markdown or html; use 'ipt audit export' for JSON")
    }
  }

  func run() throws {
    let audit = try AuditStore.forCommand(store)
    do throws(AuditError) {
      let documents = try AuditRecordDocument(store: audit).documents(record)
      Terminal.render(documents, format: format, title: "ipt-advisor audit record \(record)")
    } catch {
      throw error.exit()
    }
  }
}
