import RuleDiagnostics
import RuleEngine
import RuleSyntax

/// Scope of quantifier variables while compiling one rule.
struct RuleScope {
  var visible: [(name: String, local: Int, record: Int)] = []
  /// Every variable of the rule, by local index, with the list finding it ranges over.
  var all: [(name: String, local: Int, record: Int, list: Int)] = []

  func lookup(_ name: String) -> (local: Int, record: Int)? {
    visible.last { $0.name == name }.map { ($0.local, $0.record) }
  }
}
