import RuleCompiler
public import RuleDiagnostics
import RuleEngine
import RuleSyntax
import RuleWorkspace

/// The outcome of a whole run, with coverage.
public struct TestRun: Sendable {
  /// The tests that ran, in file order.
  public var outcomes: [TestOutcome]
  /// Problems in the test files themselves (unknown names, unreadable cases).
  public var diagnostics: [Diagnostic]
  /// Rule index -> number of tests in which it fired.
  public var firedCounts: [Int]
  /// Output -> value -> number of tests in which it was picked.
  public var pickedCounts: [[Int]]
  /// Alert -> number of tests in which it fired.
  public var alertCounts: [Int]
  /// Tests that could not run because their expectations or case have errors.
  public var notRun: Int

  /// How many tests failed.
  public var failedCount: Int { outcomes.filter { !$0.passed }.count }
}
