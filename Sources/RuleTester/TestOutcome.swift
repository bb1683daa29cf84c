import RuleCompiler
public import RuleDiagnostics
public import RuleEngine
import RuleSyntax
import RuleWorkspace

/// The outcome of one pack test.
public struct TestOutcome: Sendable {
  public var name: String
  public var location: SourceLocation
  public var caseID: String
  public var failures: [TestFailure]
  /// The evaluation, for coverage and explanations.
  public var facts: CaseFacts
  public var evaluation: Evaluation

  public var passed: Bool { failures.isEmpty }
}
