public import Foundation
import GRDB

/// An audit store: a SQLite database (through GRDB, in WAL mode) holding a hash-chained,
/// append-only log of runs, checks and reviews, and every case, formulation and pack file they
/// read, stored once under its SHA-256 (see `AuditSchema` and `AuditRecord`).
///
/// Each record is written in its own transaction (`BEGIN IMMEDIATE`), so that several processes
/// can append at once (they wait for each other, up to 30 seconds) and a writer killed at any
/// moment leaves every record it committed, chained.
public final class AuditStore: Sendable {
  /// The store's path, as given.
  public let path: String
  let pool: DatabasePool
  let clock: @Sendable () -> Date

  private init(path: String, pool: DatabasePool, clock: @escaping @Sendable () -> Date) {
    self.path = path
    self.pool = pool
    self.clock = clock
  }

  /// Opens the store at `path`. With `create`, a missing file (or an empty database) becomes a
  /// new store, and an older schema is upgraded; without it, the store must exist. `clock` gives
  /// the time written into new records.
  public static func open(
    _ path: String, create: Bool, clock: @escaping @Sendable () -> Date = { Date() }
  ) throws(AuditError) -> AuditStore {
    let exists = FileManager.default.fileExists(atPath: path)
    if !exists && !create { throw .absent(path) }
    var isFolder: ObjCBool = false
    if exists, FileManager.default.fileExists(atPath: path, isDirectory: &isFolder),
      isFolder.boolValue
    {
      throw AuditError(path: path, reason: "a folder, not an audit store")
    }
    if exists { try inspect(path, create: create) }
    do {
      var configuration = Configuration()
      configuration.busyMode = .timeout(30)
      configuration.label = "ipt-audit"
      // WAL with synchronous=NORMAL: a commit survives the process being killed at any moment
      // (what the chain promises); only a power cut can lose the last commits (docs/audit.md).
      // Checkpoints (each one an fsync) every 64 MiB of log rather than every 4 MiB.
      configuration.prepareDatabase { db in
        try db.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = 16384")
      }
      let pool = try openPool(path, configuration)
      if create { try migrate(pool) }
      return AuditStore(path: path, pool: pool, clock: clock)
    } catch {
      throw .unreadable(path, Self.message(error))
    }
  }

  /// Looks at an existing file without changing it: a database without tables is fine when
  /// creating; anything else must be an audit store of a schema this build reads.
  private static func inspect(_ path: String, create: Bool) throws(AuditError) {
    do {
      var configuration = Configuration()
      configuration.readonly = true
      configuration.busyMode = .timeout(30)
      let queue = try DatabaseQueue(path: path, configuration: configuration)
      defer { try? queue.close() }
      try queue.read { db throws in
        let tables = try String.fetchAll(
          db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        // GRDB's migrator creates `grdb_migrations` before the transaction of the first
        // migration: a store that another process is creating at this moment has it alone.
        if tables.allSatisfy({ $0 == "grdb_migrations" }) {
          if create { return }
          throw AuditError(
            path: path, reason: "an empty database, not an audit store",
            hint: "record runs with 'ipt evaluate --audit PATH --by NAME'")
        }
        guard tables.contains("audit_meta"),
          try String.fetchOne(db, sql: "SELECT value FROM audit_meta WHERE key = 'format'")
            == AuditSchema.format
        else { throw AuditError.notAStore(path) }
        let schema =
          try String.fetchOne(db, sql: "SELECT value FROM audit_meta WHERE key = 'schema'") ?? "?"
        if try AuditSchema.migrator.hasBeenSuperseded(db)
          || (Int(schema) ?? .max) > AuditSchema.version
        {
          throw AuditError.newerSchema(path, schema)
        }
      }
    } catch let error as AuditError {
      throw error
    } catch {
      throw .unreadable(path, message(error))
    }
  }

  /// Opens the pool. Turning a new file to WAL (`PRAGMA journal_mode = WAL`) does not wait on
  /// the busy timeout: while another process is doing the same, SQLite answers "busy" at once.
  /// Tries again every 20 ms, for as long as the busy timeout (30 seconds).
  private static func openPool(
    _ path: String, _ configuration: Configuration
  ) throws -> DatabasePool {
    let deadline = Date().addingTimeInterval(30)
    while true {
      do {
        return try DatabasePool(path: path, configuration: configuration)
      } catch let error as DatabaseError
        where error.resultCode == .SQLITE_BUSY && Date() < deadline
      {
        Thread.sleep(forTimeInterval: 0.02)
      }
    }
  }

  /// Brings the schema up to date. Two processes creating the same store at once may both find
  /// a migration unapplied; the loser's transaction then fails, and the store is fine when the
  /// winner's migrations are all there.
  private static func migrate(_ pool: DatabasePool) throws {
    do {
      try AuditSchema.migrator.migrate(pool)
    } catch {
      let complete = try pool.read { db in try AuditSchema.migrator.hasCompletedMigrations(db) }
      if !complete { throw error }
    }
  }

  /// The SQLite message of a database error, else the error's description.
  static func message(_ error: any Error) -> String {
    if let error = error as? DatabaseError {
      return error.message ?? "\(error.resultCode)"
    }
    return "\(error)"
  }

  /// Runs a read, turning database errors into the store's error.
  func read<T>(_ body: (Database) throws -> T) throws(AuditError) -> T {
    do {
      return try pool.read(body)
    } catch let error as AuditError {
      throw error
    } catch {
      throw .unreadable(path, Self.message(error))
    }
  }

  // MARK: Reading

  /// How many records the store holds.
  public func count() throws(AuditError) -> Int {
    try read { db in try AuditRecord.fetchCount(db) }
  }

  /// Every record in chain order, or those written at or after `since` (an ISO 8601 date or
  /// time, compared as text in UTC).
  public func records(since: String? = nil) throws(AuditError) -> [AuditRecord] {
    try read { db in
      if let since {
        return try AuditRecord.fetchAll(
          db, sql: "SELECT * FROM record WHERE at >= ? ORDER BY seq", arguments: [since])
      }
      return try AuditRecord.fetchAll(db, sql: "SELECT * FROM record ORDER BY seq")
    }
  }

  /// Calls `body` with every record in chain order, one at a time (memory stays small).
  public func forEachRecord(_ body: (AuditRecord) throws -> Void) throws(AuditError) {
    try read { db in
      let cursor = try AuditRecord.fetchCursor(db, sql: "SELECT * FROM record ORDER BY seq")
      while let record = try cursor.next() { try body(record) }
    }
  }

  /// The record with sequence number `seq`.
  public func record(_ seq: Int64) throws(AuditError) -> AuditRecord {
    guard let record = try read({ db in try AuditRecord.fetchOne(db, key: seq) }) else {
      throw .noRecord(path, seq)
    }
    return record
  }

  /// The reviews of record `seq`, oldest first.
  public func reviews(of seq: Int64) throws(AuditError) -> [AuditRecord] {
    try read { db in
      try AuditRecord.fetchAll(
        db, sql: "SELECT * FROM record WHERE kind = 'review' AND subject = ? ORDER BY seq",
        arguments: [seq])
    }
  }

  /// The bytes stored under `sha256`, if any.
  public func blob(_ sha256: String) throws(AuditError) -> [UInt8]? {
    try read { db in
      try Data.fetchOne(db, sql: "SELECT bytes FROM blob WHERE sha256 = ?", arguments: [sha256])
        .map { Array($0) }
    }
  }

  // MARK: Writing

  /// A file to store with a record, under the SHA-256 of its bytes.
  struct Blob {
    var sha256: String
    var kind: String
    var bytes: [UInt8]

    /// A file's bytes; `sha256` when the caller knows it already.
    init(kind: String, text: String, sha256: String? = nil) {
      bytes = Array(text.utf8)
      self.sha256 = sha256 ?? AuditHash.sha256(bytes)
      self.kind = kind
    }
  }

  /// Appends one record and the files it names in one transaction: the record gets the next
  /// sequence number, the time, the previous record's hash and its own.
  func append(_ draft: AuditRecord, blobs: [Blob]) throws(AuditError) -> AuditRecord {
    let written = try append([(draft, blobs)])
    guard let record = written.first else {
      throw AuditError(path: path, reason: "cannot write the record")
    }
    return record
  }

  /// Appends records in order, each with the files it names, in one transaction: a chunk of a
  /// batch is all there or not at all.
  func append(_ drafts: [(record: AuditRecord, blobs: [Blob])]) throws(AuditError)
    -> [AuditRecord]
  {
    do {
      return try pool.writeWithoutTransaction { db in
        var written: [AuditRecord] = []
        try db.inTransaction(.immediate) {
          written = try appendInTransaction(drafts, db)
          return .commit
        }
        return written
      }
    } catch let error as AuditError {
      throw error
    } catch {
      throw AuditError(path: path, reason: "cannot write the record: \(Self.message(error))")
    }
  }

  private func appendInTransaction(
    _ drafts: [(record: AuditRecord, blobs: [Blob])], _ db: Database
  ) throws -> [AuditRecord] {
    let last = try Row.fetchOne(db, sql: "SELECT seq, hash FROM record ORDER BY seq DESC LIMIT 1")
    var seq: Int64 = last?["seq"] ?? 0
    var previous: String = last?["hash"] ?? AuditRecord.genesis
    var written: [AuditRecord] = []
    written.reserveCapacity(drafts.count)
    let insert = try db.cachedStatement(sql: Self.insertRecord)
    for (draft, blobs) in drafts {
      try store(blobs, db)
      var record = draft
      seq += 1
      record.seq = seq
      record.prevHash = previous
      record.at = AuditTime.text(clock())
      record.hash = record.computedHash
      previous = record.hash
      try insert.execute(
        arguments: [
          record.seq, record.kind.rawValue, record.at, record.by, record.command, record.engine,
          record.packID, record.packVersion, record.packSHA256, record.packSnapshot,
          record.caseID, record.caseFile, record.caseSHA256, record.formulationFile,
          record.formulationSHA256, record.result, record.verdicts, record.subject,
          record.review, record.prevHash, record.hash,
        ])
      written.append(record)
    }
    return written
  }

  /// Stores files in their own transaction (a pack's files, once per command).
  func store(_ blobs: [Blob]) throws(AuditError) {
    do {
      try pool.writeWithoutTransaction { db in
        try db.inTransaction(.immediate) {
          try store(blobs, db)
          return .commit
        }
      }
    } catch {
      throw AuditError(path: path, reason: "cannot store files: \(Self.message(error))")
    }
  }

  private func store(_ blobs: [Blob], _ db: Database) throws {
    for blob in blobs {
      try db.cachedStatement(
        sql: "INSERT OR IGNORE INTO blob(sha256, kind, bytes) VALUES (?, ?, ?)"
      )
      .execute(arguments: [blob.sha256, blob.kind, Data(blob.bytes)])
    }
  }

  private static let insertRecord = """
    INSERT INTO record(seq, kind, at, by, command, engine, pack_id, pack_version, pack_sha256,
      pack_snapshot, case_id, case_file, case_sha256, formulation_file, formulation_sha256, result,
      verdicts, subject, review, prev_hash, hash)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    """
}
