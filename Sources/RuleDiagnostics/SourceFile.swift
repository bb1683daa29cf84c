/// The text of one input file, with the path it is reported under.
public struct SourceFile: Sendable, Hashable {
  /// The path as the user should see it (relative where possible).
  public let path: String
  /// The whole text of the file.
  public let text: String
  /// Byte offsets (UTF-8) at which each line starts.
  package let lineStarts: [Int]

  /// Creates a source file from its path and text. Lines break where YAML breaks them: at a line
  /// feed, a carriage return (alone or before a line feed), NEL (U+0085), LS (U+2028) or PS
  /// (U+2029), so that the lines and columns the YAML reader reports are the lines shown.
  public init(path: String, text: String) {
    self.path = path
    self.text = text
    var text = text
    self.lineStarts = text.withUTF8 { Self.lineStarts(of: $0) }
  }

  /// The byte offsets at which lines start, in one pass over the bytes.
  private static func lineStarts(of bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
    var starts = [0]
    var offset = 0
    let count = bytes.count
    while offset < count {
      let byte = bytes[offset]
      offset += 1
      switch byte {
      case UInt8(ascii: "\n"):
        starts.append(offset)
      case UInt8(ascii: "\r"):
        // CR LF is one break, after the LF.
        if offset < count, bytes[offset] == UInt8(ascii: "\n") { offset += 1 }
        starts.append(offset)
      case 0xC2:
        if offset < count, bytes[offset] == 0x85 {
          offset += 1
          starts.append(offset)
        }
      case 0xE2:
        if offset + 1 < count, bytes[offset] == 0x80,
          bytes[offset + 1] == 0xA8 || bytes[offset + 1] == 0xA9
        {
          offset += 2
          starts.append(offset)
        }
      default: break
      }
    }
    return starts
  }

  /// The text of a 1-based line, without its line break; empty when out of range.
  public func line(_ number: Int) -> String {
    guard number >= 1, number <= lineStarts.count else { return "" }
    let utf8 = text.utf8
    let start = lineStarts[number - 1]
    let end = number < lineStarts.count ? lineStarts[number] : utf8.count
    let bytes = Array(
      utf8[
        utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)])
    var count = bytes.count
    // Drop the line break: LF, CR LF, CR, NEL (C2 85), LS or PS (E2 80 A8/A9).
    if count >= 3, bytes[count - 3] == 0xE2, bytes[count - 2] == 0x80,
      bytes[count - 1] == 0xA8 || bytes[count - 1] == 0xA9
    {
      count -= 3
    } else if count >= 2, bytes[count - 2] == 0xC2, bytes[count - 1] == 0x85 {
      count -= 2
    } else {
      if count >= 1, bytes[count - 1] == UInt8(ascii: "\n") { count -= 1 }
      if count >= 1, bytes[count - 1] == UInt8(ascii: "\r") { count -= 1 }
    }
    return String(decoding: bytes[..<count], as: UTF8.self)
  }
}
