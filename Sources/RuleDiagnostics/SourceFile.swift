/// The text of one input file, with the path it is reported under.
public struct SourceFile: Sendable, Hashable {
  /// The path as the user should see it (relative where possible).
  public let path: String
  /// The whole text of the file.
  public let text: String
  /// Byte offsets (UTF-8) at which each line starts.
  package let lineStarts: [Int]

  /// Creates a source file from its path and text.
  public init(path: String, text: String) {
    self.path = path
    self.text = text
    var starts = [0]
    var offset = 0
    for byte in text.utf8 {
      offset += 1
      if byte == UInt8(ascii: "\n") { starts.append(offset) }
    }
    self.lineStarts = starts
  }

  /// The text of a 1-based line, without its line break; empty when out of range.
  public func line(_ number: Int) -> String {
    guard number >= 1, number <= lineStarts.count else { return "" }
    let utf8 = text.utf8
    let start = lineStarts[number - 1]
    var end = number < lineStarts.count ? lineStarts[number] : utf8.count
    let base = utf8.startIndex
    while end > start {
      let byte = utf8[utf8.index(base, offsetBy: end - 1)]
      guard byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") else { break }
      end -= 1
    }
    let from = utf8.index(base, offsetBy: start)
    let to = utf8.index(base, offsetBy: end)
    return String(decoding: utf8[from..<to], as: UTF8.self)
  }
}
