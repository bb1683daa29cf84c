import RuleDiagnostics
import RuleEngine
import RuleSyntax

enum Typed {
  case node(Node)
  /// A bare word that is not a name: an enum literal if the context has an enum type.
  case word(String, SourceLocation, text: String)
}
