import Foundation
import GRDB

/// The result of recomputing an audit store's chain (`ipt audit verify`).
public struct ChainVerification: Sendable, Hashable {
  /// What is wrong at the first place the chain breaks.
  public enum Problem: Sendable, Hashable, CustomStringConvertible {
    /// The record's contents do not match its hash: edited, or moved to another place.
    case altered(seq: Int64)
    /// Records are missing before `seq` (the chain jumps from `after` to `seq`).
    case missing(after: Int64, seq: Int64)
    /// The record's own hash is right but it does not follow the record before it: a record was
    /// inserted, removed or reordered before it.
    case unlinked(seq: Int64)
    /// A stored file's bytes do not match the hash it is stored under.
    case fileAltered(sha256: String)
    /// A record names a stored file that is not there.
    case fileMissing(seq: Int64, sha256: String)
    /// A review names a record that is not an earlier run or check.
    case badSubject(seq: Int64, subject: Int64)

    /// One sentence for the user.
    public var description: String {
      switch self {
      case .altered(let seq):
        "record \(seq) was altered or moved: its hash does not match its contents"
      case .missing(let after, let seq):
        after + 1 == seq - 1
          ? "record \(after + 1) is missing (deleted): the chain goes from \(after) to \(seq)"
          : "records \(after + 1) to \(seq - 1) are missing (deleted): the chain goes from \(after) to \(seq)"
      case .unlinked(let seq):
        "record \(seq) does not follow record \(seq - 1): a record was inserted, removed or reordered before it"
      case .fileAltered(let sha256):
        "the stored file \(sha256.prefix(12)) was altered: its bytes do not match its hash"
      case .fileMissing(let seq, let sha256):
        "record \(seq) names the stored file \(sha256.prefix(12)), which is missing"
      case .badSubject(let seq, let subject):
        "review \(seq) names record \(subject), which is not an earlier run or check"
      }
    }

    /// The record at which the chain breaks, when there is one.
    public var seq: Int64? {
      switch self {
      case .altered(let seq), .unlinked(let seq), .fileMissing(let seq, _), .badSubject(let seq, _):
        seq
      case .missing(_, let seq): seq
      case .fileAltered: nil
      }
    }
  }

  /// Records that verified, in order, before the first problem (all of them when there is none).
  public var verified: Int
  /// The last verified record's hash (the head of the chain when there is no problem).
  public var head: String
  /// The sequence number of the last verified record (0 for none).
  public var headSeq: Int64
  /// The first problem, if any.
  public var problem: Problem?
  /// Whether a signed checkpoint was checked and holds.
  public var checkpoint: Checkpoint?

  /// Whether the chain holds.
  public var holds: Bool { problem == nil }
}

extension AuditStore {
  /// Recomputes every record's hash in order, checks that each follows the one before, that
  /// every stored file matches its hash and that every file a record names is there; stops at
  /// the first problem.
  public func verify() throws(AuditError) -> ChainVerification {
    var result = ChainVerification(verified: 0, head: AuditRecord.genesis, headSeq: 0)
    var kinds: [Int64: AuditRecord.Kind] = [:]
    var names: [(seq: Int64, sha256: String)] = []
    try forEachRecord { record in
      guard result.problem == nil else { return }
      if record.seq != result.headSeq + 1 {
        result.problem =
          record.seq > result.headSeq + 1
          ? .missing(after: result.headSeq, seq: record.seq) : .altered(seq: record.seq)
        return
      }
      if record.computedHash != record.hash {
        result.problem = .altered(seq: record.seq)
        return
      }
      if record.prevHash != result.head {
        result.problem = .unlinked(seq: record.seq)
        return
      }
      if record.kind == .review {
        let subject = record.subject ?? 0
        guard subject < record.seq, let kind = kinds[subject], kind != .review else {
          result.problem = .badSubject(seq: record.seq, subject: subject)
          return
        }
      }
      kinds[record.seq] = record.kind
      for sha in [record.packSnapshot, record.caseSHA256, record.formulationSHA256].compactMap({
        $0
      }) {
        names.append((record.seq, sha))
      }
      result.verified += 1
      result.head = record.hash
      result.headSeq = record.seq
    }
    if result.problem == nil { result.problem = try verifyFiles(names) }
    return result
  }

  /// Every stored file against its hash, then every file the records name (and the files of
  /// every pack snapshot they name).
  private func verifyFiles(_ names: [(seq: Int64, sha256: String)]) throws(AuditError)
    -> ChainVerification.Problem?
  {
    var stored: Set<String> = []
    var altered: String?
    try read { db in
      let rows = try Row.fetchCursor(db, sql: "SELECT sha256, bytes FROM blob ORDER BY sha256")
      while let row = try rows.next() {
        let sha: String = row["sha256"]
        let bytes: Data = row["bytes"]
        if altered == nil && AuditHash.sha256(Array(bytes)) != sha { altered = sha }
        stored.insert(sha)
      }
    }
    if let altered { return .fileAltered(sha256: altered) }
    var snapshots: Set<String> = []
    for (seq, sha) in names {
      guard stored.contains(sha) else { return .fileMissing(seq: seq, sha256: sha) }
      guard snapshots.insert(sha).inserted else { continue }
      if let bytes = try blob(sha),
        let snapshot = try? JSONDecoder().decode(PackSnapshot.self, from: Data(bytes)),
        snapshot.schema == PackSnapshot.schemaName
      {
        for file in snapshot.files where !stored.contains(file.sha256) {
          return .fileMissing(seq: seq, sha256: file.sha256)
        }
      }
    }
    return nil
  }
}
