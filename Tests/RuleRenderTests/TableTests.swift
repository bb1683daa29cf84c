import RuleRender
import Testing

/// Which table columns are right-aligned as numbers.
@Suite("Tables")
struct TableTests {
  static func numeric(_ cells: [String]) -> Bool {
    let table = Table(header: ["name", "value"], rows: cells.map { [Text("row"), Text($0)] })
    return table.numericColumns == [false, true]
  }

  @Test("counts, decimals, percentages, ratios and versions are numbers")
  func numbers() {
    #expect(Self.numeric(["3", "94.6", "12%", "1.91x", "2.2.0", "3 runs"]))
  }

  @Test("a hash, a date-time or a word that starts with a digit is text")
  func text() {
    #expect(!Self.numeric(["8c2605f8513e"]))
    #expect(!Self.numeric(["86123e45"]))
    #expect(!Self.numeric(["2026-11-02T09:01:00.000Z"]))
    #expect(!Self.numeric(["3", "x"]))
    #expect(!Self.numeric(["1st"]))
  }

  @Test("the first column is never numeric")
  func firstColumn() {
    let table = Table(header: ["n"], rows: [[Text("1")]])
    #expect(table.numericColumns == [false])
  }
}
