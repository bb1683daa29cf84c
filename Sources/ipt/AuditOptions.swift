import Advisor
import ArgumentParser
import AuditStore
import Foundation
import RuleDiagnostics
import RuleRender

/// `--audit PATH` (or the environment variable `IPT_AUDIT`) and `--by NAME`: record every case a
/// command evaluates or checks in an audit store.
struct AuditOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      "Record every run in this audit store (created if missing); default: $IPT_AUDIT.",
      valueName: "path"))
  var audit: String?

  @Option(name: .long, help: "The pseudonymous user the audited runs are recorded for.")
  var by: String?

  /// The store's path: `--audit`, else `IPT_AUDIT` when set and not empty.
  var path: String? {
    if let audit { return audit }
    let environment = ProcessInfo.processInfo.environment["IPT_AUDIT"] ?? ""
    return environment.isEmpty ? nil : environment
  }

  func validate() throws {
    if path != nil && (by ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
      throw ValidationError(
        "an audited run needs the user it is recorded for: add --by NAME"
          + (audit == nil ? " (auditing is on because IPT_AUDIT is set)" : ""))
    }
    if audit != nil && audit?.isEmpty == true {
      throw ValidationError("--audit needs the path of an audit store")
    }
  }

  /// The session that records this command's runs, or nil when not auditing; a store that
  /// cannot be opened ends the command (exit 2) before anything is evaluated.
  func session(advisor: Advisor, command: String) throws -> AuditSession? {
    guard let path else { return nil }
    do throws(AuditError) {
      let store = try AuditStore.open(path, create: true)
      return try AuditSession(store: store, advisor: advisor, by: by ?? "", command: command)
    } catch {
      Terminal.error(error.description)
      throw ExitCode.invalidInput
    }
  }
}

extension AuditSession {
  /// Cases recorded per transaction in a JSON Lines batch (docs/audit.md).
  static let chunk = 64

  /// Records a chunk of a batch in one transaction, then prints its lines; or says why it
  /// cannot and ends the command (exit 2), leaving the chunks written before.
  func write(_ pending: inout [Run]) throws {
    guard !pending.isEmpty else { return }
    do throws(AuditError) {
      try recordRuns(pending)
    } catch {
      pending.removeAll()
      Terminal.error(error.description)
      throw ExitCode.invalidInput
    }
    for run in pending { Terminal.write(run.line ?? "") }
    pending.removeAll()
  }

  /// Records a run, or says why it cannot and ends the command (exit 2); the records written
  /// before stay, chained.
  func write(file: SourceFile, result: BatchRecord, line: String? = nil) throws {
    do throws(AuditError) {
      try recordRun(file: file, result: result, line: line)
    } catch {
      Terminal.error(error.description)
      throw ExitCode.invalidInput
    }
  }
}
