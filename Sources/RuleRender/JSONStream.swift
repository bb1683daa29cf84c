/// JSON written as it goes, pretty-printed or on one line, with the same bytes `JSONText.encode`
/// gives for the same values: the caller writes keys in sorted order, commas and indentation are
/// this type's business. Pretty output follows Foundation's `JSONEncoder` (two spaces a level,
/// `"key" : value`, an empty container opened and closed on lines of its own); strings carry only
/// the escapes `JSONWriter` writes. Used on the per-request and per-report paths, where encoding
/// a value tree through `JSONEncoder` would cost more than building the report.
package struct JSONStream {
  private var writer: JSONWriter
  private let pretty: Bool
  private var depth = 0
  /// The container being written has no member yet.
  private var empty = true
  /// A key was just written: the next value follows it on the same line.
  private var afterKey = false

  package init(pretty: Bool, capacity: Int = 4096) {
    writer = JSONWriter(capacity: capacity)
    self.pretty = pretty
  }

  /// The text written, with the line break `JSONText.encode` ends with (which ends the stream).
  package mutating func finish() -> String {
    writer.byte(UInt8(ascii: "\n"))
    return writer.text
  }

  /// Before a member: `,` unless it is the first, then in pretty output a line break and the
  /// indentation, copied at once.
  private mutating func newMember() {
    if pretty {
      let levels = Swift.min(depth, Self.maxIndent)
      writer.append(Self.separators[(empty ? 1 : 0)..<(2 + 2 * levels)])
      for _ in levels..<Swift.max(depth, levels) { writer.append(Self.separators[2..<4]) }
    } else if !empty {
      writer.byte(UInt8(ascii: ","))
    }
    empty = false
  }

  /// Indentation is copied for up to this many levels, and repeated deeper.
  private static let maxIndent = 32
  /// `,`, a line break, then two spaces for each level up to `maxIndent`.
  private static let separators: [UInt8] =
    [UInt8(ascii: ","), UInt8(ascii: "\n")]
    + Array(repeating: UInt8(ascii: " "), count: 2 * maxIndent)

  /// Before a value: a separator and indentation unless it follows its key.
  private mutating func beforeValue() {
    if afterKey {
      afterKey = false
    } else if depth > 0 {
      newMember()
    }
  }

  private mutating func open(_ bracket: UInt8) {
    beforeValue()
    writer.byte(bracket)
    depth += 1
    empty = true
  }

  private mutating func close(_ bracket: UInt8) {
    depth -= 1
    if pretty {
      // An empty container keeps a blank line; then the closing line's indentation.
      if empty { writer.byte(UInt8(ascii: "\n")) }
      empty = true
      newMember()
    }
    writer.byte(bracket)
    empty = false
  }

  /// How many bytes are written: a value's bytes run from the offset of its first byte to the
  /// offset after its last.
  package var offset: Int { writer.count }

  /// The nesting depth: in pretty output, a value has the same bytes wherever it is written at
  /// the same depth (its indentation depends on nothing else).
  package var level: Int { depth }

  /// A value written again: the bytes of `range`, which hold a whole value written before at the
  /// same depth.
  package mutating func repeatValue(_ range: Range<Int>) {
    beforeValue()
    writer.appendCopy(of: range)
    empty = false
  }

  /// Whether the output is pretty-printed (members written before as compact bytes cannot be
  /// copied into it).
  package var isPretty: Bool { pretty }

  /// Members of an object, written before by `members(_:)`, copied into compact output: after a
  /// `,` unless they are the object's first.
  package mutating func compactMembers(_ bytes: [UInt8]) {
    if !empty { writer.byte(UInt8(ascii: ",")) }
    writer.append(bytes[...])
    empty = false
  }

  /// The members `write` writes into an object, as compact JSON without the braces, ready for
  /// `compactMembers(_:)`.
  package static func members(_ write: (inout JSONStream) -> Void) -> [UInt8] {
    var stream = JSONStream(pretty: false, capacity: 256)
    stream.beginObject()
    write(&stream)
    stream.endObject()
    return Array(stream.writer.bytes.dropFirst().dropLast())
  }

  /// `{`
  package mutating func beginObject() { open(UInt8(ascii: "{")) }
  /// `}`
  package mutating func endObject() { close(UInt8(ascii: "}")) }
  /// `[`
  package mutating func beginArray() { open(UInt8(ascii: "[")) }
  /// `]`
  package mutating func endArray() { close(UInt8(ascii: "]")) }

  /// A member's key; its value comes next.
  package mutating func key(_ name: StaticString) {
    newMember()
    writer.byte(UInt8(ascii: "\""))
    writer.raw(name)
    if pretty { writer.raw("\" : ") } else { writer.raw("\":") }
    afterKey = true
  }

  /// A string value.
  package mutating func string(_ text: String) {
    beforeValue()
    writer.string(text)
  }

  /// A string value, or `null`.
  package mutating func string(orNull text: String?) {
    guard let text else {
      beforeValue()
      writer.raw("null")
      return
    }
    string(text)
  }

  /// An integer value.
  package mutating func integer(_ value: Int) {
    beforeValue()
    writer.integer(Int64(value))
  }

  /// A number as `JSONEncoder` writes a `Double`: its shortest form, without a trailing `.0`.
  package mutating func number(_ value: Double) {
    beforeValue()
    // A whole number under 10^15 (other than -0) is written as an integer, without making its
    // `description` ("3.0") and cutting it: the same bytes.
    if value.magnitude < 1e15, value == value.rounded(.towardZero),
      !(value == 0 && value.sign == .minus)
    {
      writer.integer(Int64(value))
      return
    }
    var text = value.description
    if text.hasSuffix(".0") { text.removeLast(2) }
    writer.rawText(text)
  }

  /// `true` or `false`.
  package mutating func boolean(_ value: Bool) {
    beforeValue()
    writer.boolean(value)
  }

  /// An array of strings.
  package mutating func strings(_ values: [String]) {
    beginArray()
    for value in values { string(value) }
    endArray()
  }

  /// `"key": value` for each value present, in the order given (the caller sorts).
  package mutating func member(_ name: StaticString, _ value: String?) {
    guard let value else { return }
    key(name)
    string(value)
  }
}
