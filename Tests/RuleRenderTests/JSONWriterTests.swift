import RuleRender
import Testing

/// The byte-level parts of the JSON writer: the word-at-a-time escape scan and integer digits.
@Suite("JSON writer")
struct JSONWriterTests {
  /// Whether a byte needs an escape in a JSON string, one byte at a time.
  static func needsEscapeSlowly(_ bytes: [UInt8]) -> Bool {
    bytes.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }
  }

  @Test("the escape scan agrees with a byte-by-byte scan at every position and length")
  func escapeScan() {
    // Each byte that needs an escape, and its neighbours, at every offset of strings up to
    // 24 bytes (three words), in plain ASCII and in multi-byte UTF-8.
    let special: [UInt8] = [
      0x00, 0x01, 0x1F, 0x20, 0x21, 0x22, 0x23, 0x5B, 0x5C, 0x5D, 0x7F, 0x80, 0xA2, 0xDC, 0xFF,
    ]
    for fill: UInt8 in [UInt8(ascii: "a"), 0xC3, 0x9C] {
      for length in 0...24 {
        let plain = [UInt8](repeating: fill, count: length)
        #expect(plain.withUnsafeBufferPointer { JSONWriter.needsEscape($0) } == false)
        for position in 0..<length {
          for byte in special {
            var bytes = plain
            bytes[position] = byte
            let fast = bytes.withUnsafeBufferPointer { JSONWriter.needsEscape($0) }
            #expect(
              fast == Self.needsEscapeSlowly(bytes), "byte \(byte) at \(position) of \(length)")
          }
        }
      }
    }
  }

  @Test("strings are escaped only where they must be")
  func strings() {
    var w = JSONWriter()
    w.string("plain text that is longer than one word")
    w.string("tab\there, \"quoted\" and back\\slash, bell \u{7} and é")
    #expect(
      w.text
        == "\"plain text that is longer than one word\"\"tab\\there, \\\"quoted\\\" and back\\\\slash, bell \\u0007 and é\""
    )
  }

  @Test("integers are written as Swift prints them, the extremes included")
  func integers() {
    for value: Int64 in [
      0, 1, -1, 9, 10, -10, 99, 100, 123_456_789, .max, .min, .max - 1, .min + 1,
    ] {
      var w = JSONWriter()
      w.integer(value)
      #expect(w.text == String(value))
    }
  }
}
