/// The canonical JSON of a record (RFC 8785, the JSON Canonicalization Scheme, for objects of
/// strings and integers): keys sorted, no white space, strings with only the escapes JSON requires
/// (`\"`, `\\`, `\b`, `\f`, `\n`, `\r`, `\t`, and `\u00xx` for other control characters), every
/// other character as its UTF-8 bytes, integers in decimal. Written by hand rather than by
/// `JSONEncoder`, so that the bytes a hash covers never change with a Foundation release.
struct CanonicalJSON {
  private(set) var bytes: [UInt8] = []

  /// An object from members; members whose value is nil are left out. Keys must be ASCII.
  init(_ members: [(key: String, value: Value?)]) {
    bytes.reserveCapacity(1024)
    bytes.append(UInt8(ascii: "{"))
    var first = true
    for member in members.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
      guard let value = member.value else { continue }
      if !first { bytes.append(UInt8(ascii: ",")) }
      first = false
      appendString(member.key)
      bytes.append(UInt8(ascii: ":"))
      switch value {
      case .string(let text): appendString(text)
      case .integer(let number): bytes.append(contentsOf: String(number).utf8)
      }
    }
    bytes.append(UInt8(ascii: "}"))
  }

  /// A member's value.
  enum Value {
    case string(String)
    case integer(Int64)
  }

  private mutating func appendString(_ text: String) {
    let hex = Array("0123456789abcdef".utf8)
    bytes.append(UInt8(ascii: "\""))
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
      case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
      case 0x08: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
      case 0x0C: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
      case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
      case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
      case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
      case 0..<0x20:
        bytes.append(contentsOf: Array("\\u00".utf8))
        bytes.append(hex[Int(byte >> 4)])
        bytes.append(hex[Int(byte & 0x0f)])
      default: bytes.append(byte)
      }
    }
    bytes.append(UInt8(ascii: "\""))
  }
}
