import GRDB

/// The store's tables, created and upgraded by GRDB's migrator. Every migration is named
/// `vN`; a store with a migration this build does not know was written by a newer ipt.
///
/// - `audit_meta(key, value)`: `format` = `ipt-advisor/audit` (what makes a database an audit
///   store) and `schema`, the version below.
/// - `blob(sha256, kind, bytes)`: every case, formulation and pack file recorded, once, under the
///   SHA-256 of its bytes; `kind` is `case`, `formulation`, `pack-file` or `pack` (a pack's
///   snapshot: its folder and the hash of each of its files, as JSON).
/// - `record(seq, kind, at, by, command, engine, pack_*, case_*, formulation_*, result, verdicts,
///   subject, review, prev_hash, hash)`: the chain (`AuditRecord`). Triggers refuse `UPDATE` and
///   `DELETE` on it, and on `blob`: the store is append-only.
enum AuditSchema {
  /// The schema this build writes and reads.
  static let version = 1
  /// The value of `audit_meta.format`.
  static let format = "ipt-advisor/audit"

  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1") { db in
      try db.execute(
        sql: """
          CREATE TABLE audit_meta(key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
          INSERT INTO audit_meta(key, value) VALUES ('format', '\(format)'), ('schema', '1');
          CREATE TABLE blob(
            sha256 TEXT PRIMARY KEY NOT NULL, kind TEXT NOT NULL, bytes BLOB NOT NULL);
          CREATE TABLE record(
            seq INTEGER PRIMARY KEY NOT NULL,
            kind TEXT NOT NULL, at TEXT NOT NULL, by TEXT NOT NULL, command TEXT NOT NULL,
            engine TEXT NOT NULL,
            pack_id TEXT, pack_version TEXT, pack_sha256 TEXT, pack_snapshot TEXT,
            case_id TEXT, case_file TEXT, case_sha256 TEXT,
            formulation_file TEXT, formulation_sha256 TEXT,
            result TEXT, verdicts TEXT, subject INTEGER, review TEXT,
            prev_hash TEXT NOT NULL, hash TEXT NOT NULL);
          CREATE INDEX record_subject ON record(subject);
          CREATE TRIGGER record_append_only_update BEFORE UPDATE ON record
            BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END;
          CREATE TRIGGER record_append_only_delete BEFORE DELETE ON record
            BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END;
          CREATE TRIGGER blob_append_only_update BEFORE UPDATE ON blob
            BEGIN SELECT RAISE(ABORT, 'stored files are append-only'); END;
          CREATE TRIGGER blob_append_only_delete BEFORE DELETE ON blob
            BEGIN SELECT RAISE(ABORT, 'stored files are append-only'); END;
          """)
    }
    return migrator
  }
}
