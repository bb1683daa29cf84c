import RuleWorkspace
public import RuleTester

extension Advisor {
  /// Runs the pack's own tests (`tests/*.yaml` of its folder, bundled or on disk).
  public func runTests() -> TestRun {
    runTests(files: folder.testFiles())
  }

  /// Runs the tests in the given files against this pack.
  public func runTests(files: [String]) -> TestRun {
    PackTester(program: program, folder: folder).run(files: files)
  }
}
