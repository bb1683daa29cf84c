import Crypto
import Foundation
import RuleRender

/// A signed statement that an audit store's chain reached record `seq` with hash `head`
/// (`ipt audit checkpoint`). Kept apart from the store (printed, mailed, committed elsewhere), it
/// proves the log up to that record: whoever rewrites the chain cannot make its head match again.
/// The signature is Ed25519 (swift-crypto) over the UTF-8 bytes of
/// `ipt-advisor/checkpoint/1\n<seq>\n<head>\n<at>`.
public struct Checkpoint: Codable, Sendable, Hashable {
  /// `ipt-advisor/checkpoint/1`.
  public var schema: String
  /// The last record the checkpoint covers.
  public var seq: Int64
  /// That record's hash.
  public var head: String
  /// When the checkpoint was made (UTC).
  public var at: String
  /// The signer's Ed25519 public key, hex.
  public var publicKey: String
  /// The signature, hex.
  public var signature: String

  enum CodingKeys: String, CodingKey {
    case schema, seq, head, at, signature
    case publicKey = "public_key"
  }

  static let schemaName = "ipt-advisor/checkpoint/1"

  private static func message(seq: Int64, head: String, at: String) -> Data {
    Data("\(schemaName)\n\(seq)\n\(head)\n\(at)".utf8)
  }

  /// Signs the head of a verified chain with a private key (32 bytes, as hex).
  static func sign(
    _ verification: ChainVerification, key: Curve25519.Signing.PrivateKey, at: String
  )
    throws -> Checkpoint
  {
    let signature = try key.signature(
      for: message(seq: verification.headSeq, head: verification.head, at: at))
    return Checkpoint(
      schema: schemaName, seq: verification.headSeq, head: verification.head, at: at,
      publicKey: AuditHash.hex(Array(key.publicKey.rawRepresentation)),
      signature: AuditHash.hex(Array(signature)))
  }

  /// Whether the signature is right for the key in the checkpoint, or for `trusted` (hex) when
  /// given, which must then be that key.
  public func signatureHolds(trusted: String? = nil) -> Bool {
    guard schema == Self.schemaName,
      trusted == nil || trusted?.lowercased() == publicKey.lowercased(),
      let keyBytes = AuditHash.bytes(hex: publicKey),
      let key = try? Curve25519.Signing.PublicKey(rawRepresentation: keyBytes),
      let signatureBytes = AuditHash.bytes(hex: signature)
    else { return false }
    return key.isValidSignature(
      Data(signatureBytes), for: Self.message(seq: seq, head: head, at: at))
  }

  /// The checkpoint as pretty JSON with sorted keys.
  public var json: String { JSONText.encode(self) }
}

/// Ed25519 keys for checkpoints, kept as hex text files.
public enum CheckpointKey {
  /// A new private key as hex (64 characters) and its public key as hex.
  public static func generate() -> (privateKey: String, publicKey: String) {
    let key = Curve25519.Signing.PrivateKey()
    return (
      AuditHash.hex(Array(key.rawRepresentation)),
      AuditHash.hex(Array(key.publicKey.rawRepresentation))
    )
  }

  /// The private key in `text` (hex, surrounding white space ignored).
  static func privateKey(_ text: String) -> Curve25519.Signing.PrivateKey? {
    AuditHash.bytes(hex: text.trimmingCharacters(in: .whitespacesAndNewlines))
      .flatMap { try? Curve25519.Signing.PrivateKey(rawRepresentation: $0) }
  }
}

extension AuditStore {
  /// Verifies the chain and signs its head with the private key in `keyText` (hex).
  public func checkpoint(keyText: String) throws(AuditError) -> Checkpoint {
    guard let key = CheckpointKey.privateKey(keyText) else {
      throw AuditError(
        path: path, reason: "the key is not an Ed25519 private key (64 hex digits)",
        hint: "make one with 'ipt audit keygen --out FILE'")
    }
    let verification = try verify()
    if let problem = verification.problem {
      throw AuditError(path: path, reason: "the chain does not verify: \(problem)")
    }
    do {
      return try Checkpoint.sign(verification, key: key, at: AuditTime.text(clock()))
    } catch {
      throw AuditError(path: path, reason: "cannot sign: \(error)")
    }
  }

  /// Checks a checkpoint against the store: its signature (and key, when `trusted` is given), and
  /// that the record it names is still there with the same hash and the chain up to it holds.
  public func check(
    _ checkpoint: Checkpoint, trusted: String? = nil, verification: ChainVerification
  )
    -> String?
  {
    guard checkpoint.signatureHolds(trusted: trusted) else {
      return trusted == nil
        ? "the checkpoint's signature does not hold"
        : "the checkpoint is not signed by the trusted key"
    }
    if verification.headSeq < checkpoint.seq {
      return
        "the checkpoint covers record \(checkpoint.seq), but the chain verifies only to record \(verification.headSeq): records were removed or altered"
    }
    let record = try? self.record(checkpoint.seq)
    guard record?.hash == checkpoint.head else {
      return
        "record \(checkpoint.seq) does not have the hash the checkpoint signed: the chain was rewritten"
    }
    return nil
  }
}
