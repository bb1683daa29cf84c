import RuleRender

/// The canonical JSON of a record (RFC 8785, the JSON Canonicalization Scheme, for objects of
/// strings and integers): keys sorted, no white space, strings with only the escapes JSON requires
/// (`\"`, `\\`, `\b`, `\f`, `\n`, `\r`, `\t`, and `\u00xx` for other control characters), every
/// other character as its UTF-8 bytes, integers in decimal. Written by `JSONWriter` rather than
/// `JSONEncoder`, so that the bytes a hash covers never change with a Foundation release.
struct CanonicalJSON {
  private(set) var bytes: [UInt8] = []

  /// An object from members; members whose value is nil are left out. Keys must be ASCII.
  init(_ members: [(key: String, value: Value?)]) {
    var w = JSONWriter(capacity: 4096)
    w.raw("{")
    var first = true
    for member in members.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
      guard let value = member.value else { continue }
      if !first { w.raw(",") }
      first = false
      w.key(member.key)
      switch value {
      case .string(let text): w.string(text)
      case .integer(let number): w.integer(number)
      }
    }
    w.raw("}")
    bytes = w.bytes
  }

  /// A member's value.
  enum Value {
    case string(String)
    case integer(Int64)
  }
}
