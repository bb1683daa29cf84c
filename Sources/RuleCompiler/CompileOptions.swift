package import RuleEngine

/// How a pack is compiled: the mode (nil: the one the manifest asks for) and today's date, for
/// reviews that are due.
package struct CompileOptions: Sendable {
  /// Full or release; nil takes the pack's `mode:` (full when it has none).
  package var mode: PackMode?
  /// Today, in days since 1970-01-01 (UTC); nil leaves due reviews unchecked.
  package var today: Int?
  /// Analyse the rules' logic too (`ipt lint`): unreachable and redundant rules, and the rest of
  /// `LogicLint`.
  package var analyse: Bool

  package init(mode: PackMode? = nil, today: Int? = nil, analyse: Bool = false) {
    self.mode = mode
    self.today = today
    self.analyse = analyse
  }
}
