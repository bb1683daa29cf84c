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
  /// Records a run, or says why it cannot and ends the command (exit 2); the records written
  /// before stay, chained.
  func write(file: SourceFile, result: BatchRecord) throws {
    do throws(AuditError) {
      try recordRun(file: file, result: result)
    } catch {
      Terminal.error(error.description)
      throw ExitCode.invalidInput
    }
  }
}
