import RuleDiagnostics
public import RuleEngine

/// A pack-test run as data (`ipt test --format json`, schema `ipt-advisor/test-run/1`).
public struct TestRunSummary: Codable, Sendable, Hashable {
  /// One test.
  public struct Test: Codable, Sendable, Hashable {
    /// The test's name.
    public var name: String
    /// Where it is written.
    public var location: String
    /// Whether every expectation held.
    public var passed: Bool
    /// The expectations that did not hold.
    public var failures: [Failure]
  }

  /// One expectation that did not hold.
  public struct Failure: Codable, Sendable, Hashable {
    /// What was expected.
    public var expected: String
    /// What the engine concluded.
    public var actual: String
    /// Where the expectation is written.
    public var location: String
    /// Rules worth reading to see why.
    public var rules: [String]
  }

  /// `ipt-advisor/test-run/1`.
  public var schema: String
  /// Tests that ran, in file order.
  public var tests: [Test]
  /// How many passed.
  public var passed: Int
  /// How many failed.
  public var failed: Int
  /// Tests that could not run (their files have errors).
  public var notRun: Int
  /// Rules no test fired.
  public var neverFired: [String]
  /// Output values no test picked, as `output: value`.
  public var neverPicked: [String]
  /// Alerts no test raised.
  public var neverRaised: [String]
  /// Condition (MC/DC) and output-value coverage, with `--coverage`.
  public var coverage: ConditionCoverage?

  enum CodingKeys: String, CodingKey {
    case schema, tests, passed, failed, coverage
    case notRun = "not_run"
    case neverFired = "never_fired"
    case neverPicked = "never_picked"
    case neverRaised = "never_raised"
  }

  /// The summary of a run of `program`'s tests.
  public init(_ run: TestRun, program: Program, coverage: Bool = false) {
    self.coverage = coverage ? ConditionCoverage(run, program: program) : nil
    schema = "ipt-advisor/test-run/1"
    tests = run.outcomes.map { outcome in
      Test(
        name: outcome.name, location: outcome.location.description, passed: outcome.passed,
        failures: outcome.failures.map {
          Failure(
            expected: $0.expected, actual: $0.actual, location: $0.location.description,
            rules: $0.rules.map { program.rules[$0].id })
        })
    }
    failed = run.failedCount
    passed = run.outcomes.count - failed
    notRun = run.notRun
    neverFired = program.rules.indices.filter { run.firedCounts[$0] == 0 }.map {
      program.rules[$0].id
    }
    neverPicked = program.outputs.enumerated().flatMap { o, output in
      output.values.enumerated().filter { run.pickedCounts[o][$0.offset] == 0 }.map {
        "\(output.name): \($0.element.name)"
      }
    }
    neverRaised = program.alerts.indices.filter { run.alertCounts[$0] == 0 }.map {
      program.alerts[$0].name
    }
  }
}
