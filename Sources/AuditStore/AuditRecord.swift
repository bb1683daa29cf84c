import Foundation
public import GRDB

/// One entry of an audit store: a run of `ipt evaluate` or `ipt check` on one case, or a
/// supervisor's review of such a run. Records are appended, never changed: each carries the
/// SHA-256 of the previous record's hash followed by its own canonical bytes, so that changing,
/// removing, inserting or reordering any record breaks the chain from there on.
///
/// **Canonical bytes**: the record as one line of JSON in UTF-8, with every field except `hash`,
/// fields without a value left out, in the canonical form of RFC 8785 (keys sorted, no white
/// space, minimal string escapes; see `CanonicalJSON`). `hash` is the lowercase hex
/// SHA-256 of the ASCII bytes of `prev_hash` followed by the canonical bytes; the first record's
/// `prev_hash` is 64 zeros.
public struct AuditRecord: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
  /// What a record is.
  public enum Kind: String, Codable, Sendable, Hashable, DatabaseValueConvertible {
    /// A case evaluated (`ipt evaluate --audit`).
    case run
    /// A trainee's formulation checked against a case (`ipt check --audit`).
    case check
    /// A supervisor's review of a run or check (`ipt audit review`).
    case review
  }

  /// The table the records live in.
  public static let databaseTableName = "record"

  /// Position in the chain, from 1.
  public var seq: Int64
  /// Run, check or review.
  public var kind: Kind
  /// When it was written: ISO 8601 in UTC, to the millisecond.
  public var at: String
  /// The pseudonymous user who ran the command or wrote the review.
  public var by: String
  /// The command: `evaluate`, `check` or `review`; `serve` for a run or check `ipt serve` made.
  public var command: String
  /// The engine's version.
  public var engine: String
  /// The pack's id (runs and checks).
  public var packID: String?
  /// The pack's version.
  public var packVersion: String?
  /// SHA-256 of the pack's files, as every report gives it.
  public var packSHA256: String?
  /// The stored copy of the pack: the SHA-256 of its snapshot (the list of its files).
  public var packSnapshot: String?
  /// The case's id.
  public var caseID: String?
  /// The case file as given on the command line.
  public var caseFile: String?
  /// SHA-256 of the case file's bytes (which are stored under it).
  public var caseSHA256: String?
  /// The formulation file (checks).
  public var formulationFile: String?
  /// SHA-256 of the formulation's bytes (which are stored under it).
  public var formulationSHA256: String?
  /// The result as `ipt evaluate --format jsonl` prints it (`ipt-advisor/batch/1`), one line.
  public var result: String?
  /// Checks: the verdicts (`ipt-advisor/audit-verdicts/1`), one line of JSON.
  public var verdicts: String?
  /// Reviews: the sequence number of the run or check reviewed.
  public var subject: Int64?
  /// Reviews: the decision (`ipt-advisor/audit-review/1`), one line of JSON.
  public var review: String?
  /// The previous record's hash (64 zeros for the first record).
  public var prevHash: String
  /// SHA-256 of `prevHash` and this record's canonical bytes.
  public var hash: String

  enum CodingKeys: String, CodingKey, ColumnExpression {
    case seq, kind, at, by, command, engine, result, verdicts, subject, review, hash
    case packID = "pack_id"
    case packVersion = "pack_version"
    case packSHA256 = "pack_sha256"
    case packSnapshot = "pack_snapshot"
    case caseID = "case_id"
    case caseFile = "case_file"
    case caseSHA256 = "case_sha256"
    case formulationFile = "formulation_file"
    case formulationSHA256 = "formulation_sha256"
    case prevHash = "prev_hash"
  }

  /// The hash that comes before the first record.
  public static let genesis = String(repeating: "0", count: 64)

  /// Every column as a member of the canonical JSON; `hash` only when `withHash`.
  private func members(withHash: Bool) -> [(key: String, value: CanonicalJSON.Value?)] {
    func text(_ value: String?) -> CanonicalJSON.Value? { value.map { .string($0) } }
    return [
      ("seq", .integer(seq)), ("kind", .string(kind.rawValue)), ("at", .string(at)),
      ("by", .string(by)), ("command", .string(command)), ("engine", .string(engine)),
      ("pack_id", text(packID)), ("pack_version", text(packVersion)),
      ("pack_sha256", text(packSHA256)), ("pack_snapshot", text(packSnapshot)),
      ("case_id", text(caseID)), ("case_file", text(caseFile)), ("case_sha256", text(caseSHA256)),
      ("formulation_file", text(formulationFile)),
      ("formulation_sha256", text(formulationSHA256)), ("result", text(result)),
      ("verdicts", text(verdicts)), ("subject", subject.map { .integer($0) }),
      ("review", text(review)), ("prev_hash", .string(prevHash)),
      ("hash", withHash ? .string(hash) : nil),
    ]
  }

  /// The canonical bytes (see the type's documentation).
  public var canonicalBytes: [UInt8] { CanonicalJSON(members(withHash: false)).bytes }

  /// The hash this record must carry, from its previous hash and canonical bytes.
  public var computedHash: String {
    AuditHash.sha256(Array(prevHash.utf8) + canonicalBytes)
  }

  /// The record as one line of canonical JSON with its hash (what `ipt audit export` writes).
  public var exportLine: String {
    String(decoding: CanonicalJSON(members(withHash: true)).bytes, as: UTF8.self)
  }
}
