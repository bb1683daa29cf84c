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

/// A position in a source file: 1-based line and column (columns count Unicode scalars).
public struct SourceLocation: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
  /// The file path as shown to the user.
  public var file: String
  /// 1-based line.
  public var line: Int
  /// 1-based column, in Unicode scalars.
  public var column: Int

  /// Creates a location.
  public init(file: String, line: Int, column: Int) {
    self.file = file
    self.line = line
    self.column = column
  }

  /// `file:line:column`.
  public var description: String { "\(file):\(line):\(column)" }

  /// The same location moved right by `offset` columns.
  public func advanced(by offset: Int) -> SourceLocation {
    SourceLocation(file: file, line: line, column: column + offset)
  }

  public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
    (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
  }
}

/// A value that came from a file, with where it came from.
public struct Located<Value>: CustomStringConvertible {
  /// The value.
  public var value: Value
  /// Where the value starts in its file.
  public var location: SourceLocation

  /// Pairs a value with its location.
  public init(_ value: Value, at location: SourceLocation) {
    self.value = value
    self.location = location
  }

  public var description: String { "\(value)" }
}

extension Located: Sendable where Value: Sendable {}
extension Located: Equatable where Value: Equatable {}
extension Located: Hashable where Value: Hashable {}
