package import RuleDiagnostics

/// A rule condition as written: an expression, or `all:` / `any:` / `not:` nesting.
package indirect enum ConditionSyntax: Sendable {
  case expression(ConditionText)
  case all([ConditionSyntax], SourceLocation)
  case any([ConditionSyntax], SourceLocation)
  case not(ConditionSyntax, SourceLocation)
}
