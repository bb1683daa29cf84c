import RuleCompiler
public import RuleDiagnostics
public import RuleEngine
import RuleSyntax
import RuleWorkspace

/// The outcome of one pack test.
public struct TestOutcome: Sendable {
  /// The test's name.
  public var name: String
  /// Where the test is written.
  public var location: SourceLocation
  /// The case it evaluated.
  public var caseID: String
  /// The expectations that did not hold.
  public var failures: [TestFailure]
  /// The evaluation, for coverage and explanations.
  public var facts: CaseFacts
  /// The evaluation.
  public var evaluation: Evaluation

  /// Whether every expectation held.
  public var passed: Bool { failures.isEmpty }
}
