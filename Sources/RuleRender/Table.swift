/// A table: a header row and rows of cells; numeric columns are right-aligned.
public struct Table: Sendable, Hashable {
  /// Column headers.
  public var header: [String]
  /// Rows of cells.
  public var rows: [[Text]]

  /// A table with a header and rows.
  public init(header: [String], rows: [[Text]]) {
    self.header = header
    self.rows = rows
  }

  /// Whether each column holds only numbers (the first column never counts as numeric).
  public var numericColumns: [Bool] {
    header.indices.map { i in
      i > 0 && rows.allSatisfy { row in i < row.count && Self.isNumber(row[i].plain) }
    }
  }

  /// A cell that reads as a number: it starts with a digit and its first word holds no letter
  /// but a unit's (`1.91x`, `94.6%`, `3 runs`). A hash (`8c2605f8`) is text, whatever its first
  /// character, so a column's alignment never depends on the values a run happened to give.
  static func isNumber(_ cell: String) -> Bool {
    guard let first = cell.first, first.isNumber else { return false }
    let word = cell.prefix { $0 != " " }
    let letters = word.filter(\.isLetter)
    return letters.isEmpty || (letters == "x" && word.last == "x")
  }
}
