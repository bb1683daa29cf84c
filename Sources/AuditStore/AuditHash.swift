import Crypto
import RuleWorkspace

/// SHA-256 (swift-crypto) as lowercase hex: the chain's hashes and the addresses of stored files.
enum AuditHash {
  /// SHA-256 of `bytes`, lowercase hex.
  static func sha256(_ bytes: [UInt8]) -> String {
    hex(Array(SHA256.hash(data: bytes)))
  }

  /// Lowercase hex of `bytes`.
  static func hex(_ bytes: [UInt8]) -> String { Digest.hex(bytes) }

  /// The bytes of lowercase or uppercase hex, or nil when `text` is not hex.
  static func bytes(hex text: String) -> [UInt8]? {
    let scalars = Array(text.utf8)
    guard scalars.count % 2 == 0 else { return nil }
    func value(_ c: UInt8) -> UInt8? {
      switch c {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
      default: nil
      }
    }
    var out: [UInt8] = []
    out.reserveCapacity(scalars.count / 2)
    var i = 0
    while i < scalars.count {
      guard let high = value(scalars[i]), let low = value(scalars[i + 1]) else { return nil }
      out.append(high << 4 | low)
      i += 2
    }
    return out
  }
}
