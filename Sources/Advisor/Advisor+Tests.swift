import RuleWorkspace
public import RuleTester

extension Advisor {
  /// Runs the pack's own tests (`tests/*.yaml` of its folder, bundled or on disk).
  /// A folder or link of `tests/` that cannot be listed or followed is an error of the run.
  public func runTests() -> TestRun {
    let listing = folder.testFiles()
    return PackTester(program: program, folder: folder)
      .run(files: listing.files, problems: listing.problems.map(\.diagnostic))
  }

  /// Runs the tests in the given files against this pack.
  public func runTests(files: [String]) -> TestRun {
    PackTester(program: program, folder: folder).run(files: files)
  }
}
