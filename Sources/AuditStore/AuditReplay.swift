public import Advisor
import Foundation
public import RuleDiagnostics
import RuleRender
import RuleEngine
import RuleWorkspace

/// A record run again from the bytes the store kept (`ipt audit replay`).
public struct ReplayResult: Sendable, Hashable {
  /// The record replayed.
  public var seq: Int64
  /// Whether the result (and, for a check, the verdicts) is byte-identical to the stored one.
  public var identical: Bool
  /// What differs, one line per field (`picked.focus: stored [...], now [...]`), or why the
  /// record could not be replayed.
  public var differences: [String]
}

/// Replays records from one store, keeping each stored pack compiled once.
public final class AuditReplayer {
  /// The store read.
  public let store: AuditStore
  private var advisors: [String: Advisor] = [:]

  /// A replayer over `store`.
  public init(store: AuditStore) { self.store = store }

  /// The pack a record ran with, loaded from the store and compiled by this engine; an error
  /// says why it cannot be (a stored file missing, or the pack no longer compiles).
  public func advisor(for record: AuditRecord) throws(AuditError) -> Advisor {
    guard let snapshotHash = record.packSnapshot else {
      throw AuditError(path: store.path, reason: "record \(record.seq) names no pack")
    }
    // The run's mode (full or release) is in its stored result; a review has none.
    let mode =
      record.result.flatMap {
        try? JSONDecoder().decode(BatchRecord.self, from: Data($0.utf8)).pack.mode
      } ?? .full
    let key = snapshotHash + " " + mode.rawValue
    if let advisor = advisors[key] { return advisor }
    guard let bytes = try store.blob(snapshotHash),
      let snapshot = try? JSONDecoder().decode(PackSnapshot.self, from: Data(bytes))
    else {
      throw AuditError(
        path: store.path, reason: "the pack of record \(record.seq) is not in the store")
    }
    var files: [SourceFile] = []
    for file in snapshot.files {
      guard let bytes = try store.blob(file.sha256) else {
        throw AuditError(
          path: store.path,
          reason: "the pack file \(file.path) of record \(record.seq) is not in the store")
      }
      files.append(SourceFile(path: file.path, text: String(decoding: bytes, as: UTF8.self)))
    }
    let load = Advisor.load(.stored(directory: snapshot.directory, files: files), mode: mode)
    guard let advisor = load.advisor else {
      let first = load.diagnostics.first { $0.severity == .error }
      throw AuditError(
        path: store.path,
        reason: "the pack of record \(record.seq) no longer compiles with this engine"
          + (first.map { ": \($0.location): \($0.message)" } ?? ""))
    }
    guard advisor.program.pack.sha256 == record.packSHA256 else {
      throw AuditError(
        path: store.path,
        reason: "the stored pack of record \(record.seq) does not hash to the pack it names")
    }
    advisors[key] = advisor
    return advisor
  }

  /// A stored file as the command read it.
  func file(_ sha256: String?, path: String?, of record: AuditRecord) throws(AuditError)
    -> SourceFile
  {
    guard let sha256, let path, let bytes = try store.blob(sha256) else {
      throw AuditError(
        path: store.path, reason: "a file of record \(record.seq) is not in the store")
    }
    return SourceFile(path: path, text: String(decoding: bytes, as: UTF8.self))
  }

  /// The stored case of a run or check.
  public func caseFile(of record: AuditRecord) throws(AuditError) -> SourceFile {
    try file(record.caseSHA256, path: record.caseFile, of: record)
  }

  /// Runs a run or check record again and compares the results byte for byte.
  public func replay(_ record: AuditRecord) -> ReplayResult {
    do throws(AuditError) {
      guard record.kind != .review else {
        return ReplayResult(seq: record.seq, identical: true, differences: [])
      }
      let advisor = try advisor(for: record)
      let caseFile = try caseFile(of: record)
      let outcome = advisor.record(caseFile)
      guard let result = outcome.value else {
        return ReplayResult(
          seq: record.seq, identical: false,
          differences: [
            "the stored case no longer loads: \(outcome.diagnostics.first?.message ?? "")"
          ])
      }
      var differences = JSONDifference.lines(
        stored: record.result ?? "", now: AuditSession.line(result), prefix: "")
      if record.kind == .check {
        let formulation = try file(
          record.formulationSHA256, path: record.formulationFile, of: record)
        let run = advisor.check(cases: [caseFile], formulations: [formulation])
        let now = run.reports.first.map { AuditVerdicts($0).line } ?? ""
        differences += JSONDifference.lines(
          stored: record.verdicts ?? "", now: now, prefix: "verdicts.")
      }
      return ReplayResult(seq: record.seq, identical: differences.isEmpty, differences: differences)
    } catch {
      return ReplayResult(seq: record.seq, identical: false, differences: [error.reason])
    }
  }
}
