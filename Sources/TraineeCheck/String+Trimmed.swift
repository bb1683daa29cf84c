import RuleDiagnostics
import RuleEngine
import RuleRender

extension String {
  /// Without leading and trailing white space.
  func trimmed() -> String {
    var s = Substring(self)
    while let first = s.first, first.isWhitespace { s = s.dropFirst() }
    while let last = s.last, last.isWhitespace { s = s.dropLast() }
    return String(s)
  }
}
