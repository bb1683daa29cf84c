import RuleCompiler
public import RuleDiagnostics
import RuleEngine
import RuleSyntax
import RuleWorkspace

/// What one expectation of a pack test found.
public struct TestFailure: Sendable, Hashable {
  /// What was expected, in the test's own words (`picked focus: grief`).
  public var expected: String
  /// What the engine concluded instead.
  public var actual: String
  /// Rules worth reading to see why (by rule index).
  public var rules: [Int]
  /// Where the expectation is written.
  public var location: SourceLocation
}
