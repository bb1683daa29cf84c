import RuleEngine

/// JSON written byte by byte, with the same bytes as `JSONText.encode(_, pretty: false)` for the
/// same values: sorted keys (the caller writes them in order), no white space, strings with only
/// the escapes JSON requires (`\"`, `\\`, `\b`, `\t`, `\n`, `\f`, `\r`, `\u00xx` for other control
/// characters), slashes and non-ASCII characters as they are. This is also the canonical form of
/// RFC 8785 for strings, integers and booleans. Used where speed or stability matters: the batch
/// JSON Lines writer and the audit store's hashed records.
package struct JSONWriter {
  package private(set) var bytes: [UInt8] = []

  package init(capacity: Int = 512) { bytes.reserveCapacity(capacity) }

  /// The bytes as text.
  package var text: String { String(decoding: bytes, as: UTF8.self) }

  /// Punctuation or a literal written as it is (`{`, `,`, `true`).
  package mutating func raw(_ text: StaticString) {
    text.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }

  /// One byte written as it is.
  package mutating func byte(_ byte: UInt8) { bytes.append(byte) }

  /// Bytes written as they are.
  package mutating func append(_ slice: ArraySlice<UInt8>) { bytes.append(contentsOf: slice) }

  /// How many bytes are written.
  package var count: Int { bytes.count }

  /// Bytes written before (`range`, which ends before `count`) written again at the end.
  package mutating func appendCopy(of range: Range<Int>) {
    let start = bytes.count
    bytes.append(contentsOf: repeatElement(0, count: range.count))
    bytes.withUnsafeMutableBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return }
      (base + start).update(from: base + range.lowerBound, count: range.count)
    }
  }

  /// Text written as it is (a number already formatted).
  package mutating func rawText(_ text: String) { bytes.append(contentsOf: text.utf8) }

  /// `"key":`
  package mutating func key(_ name: String) {
    string(name)
    bytes.append(UInt8(ascii: ":"))
  }

  /// A JSON string.
  package mutating func string(_ text: String) {
    bytes.append(UInt8(ascii: "\""))
    // Most strings need no escape: their bytes are copied at once.
    var text = text
    let plain = text.withUTF8 { utf8 in
      guard !Self.needsEscape(utf8) else { return false }
      bytes.append(contentsOf: utf8)
      return true
    }
    if !plain { escaped(text) }
    bytes.append(UInt8(ascii: "\""))
  }

  /// Whether any byte is a control character, a quote or a backslash: eight bytes at a time, the
  /// last few bytes in the word that ends the text (testing again bytes already tested), and only
  /// a text shorter than a word byte by byte.
  package static func needsEscape(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
    let raw = UnsafeRawBufferPointer(utf8)
    guard raw.count >= 8 else {
      return raw.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }
    }
    var offset = 0
    while offset + 8 <= raw.count {
      if needsEscape(word: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) {
        return true
      }
      offset += 8
    }
    return offset < raw.count
      && needsEscape(word: raw.loadUnaligned(fromByteOffset: raw.count - 8, as: UInt64.self))
  }

  /// Whether any byte of `word` is a control character, a quote or a backslash (each of the three
  /// tests is non-zero exactly when some byte of the word matches).
  @inline(__always)
  private static func needsEscape(word: UInt64) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    let control = (word &- ones &* 0x20) & ~word
    let quote = word ^ (ones &* UInt64(UInt8(ascii: "\"")))
    let backslash = word ^ (ones &* UInt64(UInt8(ascii: "\\")))
    let zeroQuote = (quote &- ones) & ~quote
    let zeroBackslash = (backslash &- ones) & ~backslash
    return (control | zeroQuote | zeroBackslash) & highs != 0
  }

  private mutating func escaped(_ text: String) {
    let hex: StaticString = "0123456789abcdef"
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
      case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
      case 0x08: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
      case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
      case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
      case 0x0C: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
      case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
      case 0..<0x20:
        bytes.append(contentsOf: [
          UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
        ])
        hex.withUTF8Buffer { digits in
          bytes.append(digits[Int(byte >> 4)])
          bytes.append(digits[Int(byte & 0x0f)])
        }
      default: bytes.append(byte)
      }
    }
  }

  /// An integer in decimal.
  package mutating func integer(_ value: Int64) {
    // Digits from the last, into a small buffer on the stack (no string is made).
    var magnitude = value.magnitude
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
      var start = 20
      repeat {
        start -= 1
        digits[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
        magnitude /= 10
      } while magnitude > 0
      if value < 0 { bytes.append(UInt8(ascii: "-")) }
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start..<20]))
    }
  }

  /// `true` or `false`.
  package mutating func boolean(_ value: Bool) { value ? raw("true") : raw("false") }

  /// `["a","b"]`
  package mutating func strings(_ values: [String]) {
    bytes.append(UInt8(ascii: "["))
    for (i, value) in values.enumerated() {
      if i > 0 { bytes.append(UInt8(ascii: ",")) }
      string(value)
    }
    bytes.append(UInt8(ascii: "]"))
  }
}

extension BatchRecord {
  /// The record as one line of JSON and a line break: the bytes `JSONText.encode(self, pretty:
  /// false)` gives, written directly (the batch writer's per-case path).
  public var jsonLine: String {
    var w = JSONWriter(capacity: 2048)
    w.raw("{\"alerts\":")
    w.strings(alerts)
    w.raw(",\"case\":{\"file\":")
    w.string(self.case.file)
    w.raw(",\"id\":")
    w.string(self.case.id)
    w.raw(",\"sha256\":")
    w.string(self.case.sha256)
    w.raw("},\"deferred_pending_safety\":")
    w.boolean(deferredPendingSafety)
    w.raw(",\"engine\":")
    w.string(engine)
    w.raw(",\"fired\":")
    w.strings(fired)
    w.raw(",\"pack\":{\"default_mode\":")
    w.string(pack.defaultMode.rawValue)
    w.raw(",\"id\":")
    w.string(pack.id)
    w.raw(",\"mode\":")
    w.string(pack.mode.rawValue)
    w.raw(",\"sha256\":")
    w.string(pack.sha256)
    if let skipped = pack.skippedRules {
      w.raw(",\"skipped_rules\":")
      w.integer(Int64(skipped))
    }
    w.raw(",\"title\":")
    w.string(pack.title)
    w.raw(",\"version\":")
    w.string(pack.version)
    w.raw("},\"picked\":{")
    for (i, name) in picked.keys.sorted().enumerated() {
      if i > 0 { w.raw(",") }
      w.key(name)
      w.strings(picked[name] ?? [])
    }
    w.raw("},\"schema\":")
    w.string(schema)
    w.raw(",\"undetermined\":")
    w.strings(undetermined)
    if let wouldFire {
      w.raw(",\"would_fire\":")
      w.strings(wouldFire)
    }
    w.raw("}\n")
    return w.text
  }
}
