import ArgumentParser
import AuditStore

struct AuditExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Write every record as JSON Lines (with its hash) for an external archive.")

  @Argument(help: "The audit store.")
  var store: String

  func run() throws {
    let audit = try AuditStore.forCommand(store)
    do throws(AuditError) {
      try audit.forEachRecord { record in Terminal.write(record.exportLine + "\n") }
    } catch {
      throw error.exit()
    }
  }
}
