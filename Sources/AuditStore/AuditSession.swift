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
  private func draft(_ kind: AuditRecord.Kind, file: SourceFile, sha256: String? = nil)
    -> AuditRecord
  {
    AuditRecord(
      seq: 0, kind: kind, at: "", by: by, command: command, engine: Advisor.engineVersion,
      packID: pack.id, packVersion: pack.version, packSHA256: pack.sha256, packSnapshot: snapshot,
      caseID: nil, caseFile: file.path, caseSHA256: sha256 ?? Digest.sha256(file.text),
      formulationFile: nil, formulationSHA256: nil, result: nil, verdicts: nil, subject: nil,
      review: nil, prevHash: "", hash: "")
  }

  /// Appends the run of one case: its file (stored) and its result, the line that
  /// `ipt evaluate --format jsonl` prints for it (without the line break). `line` is that line
  /// when the caller has encoded it already.
  @discardableResult
  public func recordRun(file: SourceFile, result: BatchRecord, line: String? = nil)
    throws(AuditError) -> AuditRecord
  {
    let written = try recordRuns([Run(file: file, result: result, line: line)])
    guard let record = written.first else {
      throw AuditError(path: store.path, reason: "cannot write the record")
    }
    return record
  }

  /// One case of a batch: its file, its result and, when already encoded, its JSON line.
  public struct Run: Sendable {
    /// The case file.
    public var file: SourceFile
    /// Its result.
    public var result: BatchRecord
    /// The result's JSON line, when the caller has encoded it.
    public var line: String?

    /// A case of a batch.
    public init(file: SourceFile, result: BatchRecord, line: String? = nil) {
      self.file = file
      self.result = result
      self.line = line
    }
  }

  /// Appends the runs of several cases in one transaction (a chunk of a batch), in order.
  @discardableResult
  public func recordRuns(_ runs: [Run]) throws(AuditError) -> [AuditRecord] {
    try store.append(
      runs.map { run in
        // The case's hash was computed when it was read (it is in the result).
        var record = draft(.run, file: run.file, sha256: run.result.case.sha256)
        record.caseID = run.result.case.id
        record.result =
          run.line.map { $0.hasSuffix("\n") ? String($0.dropLast()) : $0 }
          ?? AuditSession.line(run.result)
        return (
          record, [AuditStore.Blob(kind: "case", text: run.file.text, sha256: record.caseSHA256)]
        )
      })
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

  /// A value as one line of JSON with sorted keys, without the line break.
  static func line(_ result: some Encodable) -> String {
    var text = JSONText.encode(result, pretty: false)
    if text.hasSuffix("\n") { text.removeLast() }
    return text
  }
}
