public import Advisor
import Foundation
public import RuleDiagnostics
public import RuleRender
import RuleEngine
import RuleWorkspace
public import TraineeCheck

/// Recording one command's runs into a store: made once per command, it stores the pack's files
/// (once, under their hashes) and then appends one chained record per case or formulation.
public struct AuditSession: Sendable {
  /// The store written to.
  public let store: AuditStore
  /// The pseudonymous user the records are written for (`--by`).
  public let by: String
  /// The command recorded (`evaluate` or `check`).
  public let command: String
  let pack: Report.PackInfo
  let snapshot: String

  /// Starts recording `command` runs of `advisor`'s pack for `by` (which must not be blank).
  public init(store: AuditStore, advisor: Advisor, by: String, command: String) throws(AuditError) {
    let user = by.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !user.isEmpty else {
      throw AuditError(
        path: store.path, reason: "an audited run needs the user it is recorded for",
        hint: "add --by NAME (a pseudonym)")
    }
    let snapshot = PackSnapshot(directory: advisor.folder.directory, sources: advisor.sources)
    let text = snapshot.canonicalText
    let blobs =
      advisor.sources.keys.sorted().compactMap { path in
        advisor.sources[path].map { AuditStore.Blob(kind: "pack-file", text: $0.text) }
      } + [AuditStore.Blob(kind: "pack", text: text)]
    try store.store(blobs)
    self.store = store
    self.by = user
    self.command = command
    pack = Report.PackInfo(advisor.program.pack)
    self.snapshot = AuditHash.sha256(Array(text.utf8))
  }

  /// A record of this session's pack and user, to be completed.
  private func draft(_ kind: AuditRecord.Kind, file: SourceFile) -> AuditRecord {
    AuditRecord(
      seq: 0, kind: kind, at: "", by: by, command: command, engine: Advisor.engineVersion,
      packID: pack.id, packVersion: pack.version, packSHA256: pack.sha256, packSnapshot: snapshot,
      caseID: nil, caseFile: file.path, caseSHA256: Digest.sha256(file.text),
      formulationFile: nil, formulationSHA256: nil, result: nil, verdicts: nil, subject: nil,
      review: nil, prevHash: "", hash: "")
  }

  /// Appends the run of one case: its file (stored) and its result, the line that
  /// `ipt evaluate --format jsonl` prints for it (without the line break).
  @discardableResult
  public func recordRun(file: SourceFile, result: BatchRecord) throws(AuditError) -> AuditRecord {
    var record = draft(.run, file: file)
    record.caseID = result.case.id
    record.result = AuditSession.line(result)
    return try store.append(record, blobs: [AuditStore.Blob(kind: "case", text: file.text)])
  }

  /// Appends the check of one formulation against its case: both files (stored), the case's
  /// result and the verdicts.
  @discardableResult
  public func recordCheck(
    caseFile: SourceFile, formulationFile: SourceFile, result: BatchRecord, report: CheckReport
  ) throws(AuditError) -> AuditRecord {
    var record = draft(.check, file: caseFile)
    record.caseID = result.case.id
    record.formulationFile = formulationFile.path
    record.formulationSHA256 = Digest.sha256(formulationFile.text)
    record.result = AuditSession.line(result)
    record.verdicts = AuditVerdicts(report).line
    return try store.append(
      record,
      blobs: [
        AuditStore.Blob(kind: "case", text: caseFile.text),
        AuditStore.Blob(kind: "formulation", text: formulationFile.text),
      ])
  }

  /// A batch record as one line of JSON, without the line break.
  static func line(_ result: BatchRecord) -> String {
    var text = JSONText.encode(result, pretty: false)
    if text.hasSuffix("\n") { text.removeLast() }
    return text
  }
}
