import ArgumentParser
import AuditStore

/// `ipt audit`: the supervisor's commands over an audit store.
struct AuditCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "audit",
    abstract: "Verify, replay, review, show, report and export an audit store of recorded runs.",
    discussion: """
      Runs are recorded with 'ipt evaluate --audit PATH --by NAME' (or 'ipt check ...'; the
      environment variable IPT_AUDIT names the store too). Every record is chained to the one
      before by SHA-256; reviews are appended, never written over (docs/audit.md).
      Exit codes: 0 done; 1 the chain does not verify, or a replay differs; 2 the store cannot be
      used (missing, not an audit store, newer, damaged); 64 bad command line.
      """,
    subcommands: [
      AuditVerifyCommand.self, AuditReplayCommand.self, AuditReviewCommand.self,
      AuditShowCommand.self, AuditReportCommand.self, AuditExportCommand.self,
      AuditCheckpointCommand.self, AuditKeygenCommand.self,
    ])
}

extension AuditStore {
  /// Opens an existing store for a command, or prints why it cannot and exits 2.
  static func forCommand(_ path: String) throws -> AuditStore {
    do throws(AuditError) {
      return try AuditStore.open(path, create: false)
    } catch {
      Terminal.error(error.description)
      throw ExitCode.invalidInput
    }
  }
}

extension AuditError {
  /// Prints the error and ends the command with exit 2.
  func exit() -> ExitCode {
    Terminal.error(description)
    return ExitCode.invalidInput
  }
}
