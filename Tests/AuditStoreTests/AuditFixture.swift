import Advisor
import AuditStore
import Foundation
import GRDB
import RuleDiagnostics
import RuleRender
import Synchronization
import TestSupport

/// A store in a scratch folder, filled through the same session API the commands use, with a
/// clock that ticks one minute per record from a fixed time (golden files stay stable).
final class AuditFixture {
  let scratch: Scratch
  let path: String
  let store: AuditStore
  let advisor: Advisor

  init(_ name: String, advisor: Advisor? = nil) throws {
    scratch = try Scratch(name)
    path = scratch.at("audit.db")
    let ticks = Mutex(0)
    store = try AuditStore.open(
      path, create: true,
      clock: {
        let tick = ticks.withLock { value in
          value += 1
          return value
        }
        // 2026-11-02T09:00:00Z, then one minute per record.
        return Date(timeIntervalSince1970: 1_793_610_000 + Double(tick) * 60)
      })
    self.advisor = try advisor ?? TestSupport.core()
  }

  /// Records runs of sample cases (by file name under rules/ipt-core/cases) for `by`.
  @discardableResult
  func run(_ cases: [String], by: String = "trainee-a") throws -> [AuditRecord] {
    let session = try AuditSession(store: store, advisor: advisor, by: by, command: "evaluate")
    return try cases.map { name in
      let file = try TestSupport.read("rules/ipt-core/cases/\(name).yaml")
      guard let result = advisor.record(file).value else {
        throw AuditError(path: name, reason: "case does not load")
      }
      return try session.recordRun(file: file, result: result)
    }
  }

  /// Records the check of a sample formulation (by file name under formulations/).
  @discardableResult
  func check(_ formulation: String, case name: String, by: String = "trainee-a") throws
    -> AuditRecord
  {
    let session = try AuditSession(store: store, advisor: advisor, by: by, command: "check")
    let caseFile = try TestSupport.read("rules/ipt-core/cases/\(name).yaml")
    let formulationFile = try TestSupport.read("formulations/\(formulation).yaml")
    let run = advisor.check(cases: [caseFile], formulations: [formulationFile])
    guard let report = run.reports.first, let result = advisor.record(caseFile).value else {
      throw AuditError(path: formulation, reason: "check failed: \(run.diagnostics.map(\.message))")
    }
    return try session.recordCheck(
      caseFile: caseFile, formulationFile: formulationFile, result: result, report: report)
  }

  /// A copy of the store's database (checkpointed first so that the copy holds every record),
  /// with the append-only triggers dropped, opened for raw SQL.
  func tamperedCopy(_ name: String, _ sql: String) throws -> AuditStore {
    let copy = scratch.at(name)
    let queue = try DatabaseQueue(path: copy)
    try queue.writeWithoutTransaction { db in
      try db.execute(sql: "ATTACH DATABASE ? AS source", arguments: [path])
      try db.execute(sql: "VACUUM source INTO ?", arguments: [copy + ".tmp"])
    }
    try queue.close()
    try FileManager.default.removeItem(atPath: copy)
    try FileManager.default.moveItem(atPath: copy + ".tmp", toPath: copy)
    let raw = try DatabaseQueue(path: copy)
    try raw.writeWithoutTransaction { db in
      for trigger in [
        "record_append_only_update", "record_append_only_delete", "blob_append_only_update",
        "blob_append_only_delete",
      ] {
        try db.execute(sql: "DROP TRIGGER \(trigger)")
      }
      try db.execute(sql: sql)
    }
    try raw.close()
    return try AuditStore.open(copy, create: false)
  }
}
