import Crypto

/// SHA-256 of what was read, as lowercase hex: the identity of a case, a formulation or a pack in
/// every report. Computed here, at the edge where the bytes are read.
public enum Digest {
  /// SHA-256 of the UTF-8 bytes of `text`.
  public static func sha256(_ text: String) -> String {
    hex(SHA256.hash(data: Array(text.utf8)))
  }

  /// SHA-256 over named files, sorted by name: each name and text followed by a zero byte.
  public static func sha256(files: [(path: String, text: String)]) -> String {
    var hasher = SHA256()
    for file in files.sorted(by: { $0.path < $1.path }) {
      // The bytes are hashed in place, not copied into arrays first.
      for var part in [file.path, file.text] {
        part.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        hasher.update(data: [0])
      }
    }
    return hex(hasher.finalize())
  }

  /// Lowercase hex of bytes.
  package static func hex(_ digest: some Sequence<UInt8>) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var out: [UInt8] = []
    out.reserveCapacity(64)
    for byte in digest {
      out.append(digits[Int(byte >> 4)])
      out.append(digits[Int(byte & 0x0f)])
    }
    return String(decoding: out, as: UTF8.self)
  }
}
