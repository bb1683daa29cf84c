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
      i > 0
        && rows.allSatisfy { row in i < row.count && (row[i].plain.first.map(\.isNumber) ?? false) }
    }
  }
}
