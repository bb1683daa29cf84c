import ArgumentParser
import RuleDiagnostics
import RuleEngine
import RuleRender
import RuleTester
import RuleWorkspace

struct TestCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "test", abstract: "Run a pack's tests (tests/*.yaml) and report failures with explanations.")

  @Argument(help: "The pack folder (default: rules/ipt-core).")
  var packPath: String?

  @Flag(help: "Also report which rules, output values and alerts no test reaches.")
  var coverage = false

  func run() throws {
    let directory = packPath ?? Workspace.defaultPack
    let program: Program
    do { program = try Workspace.program(directory) } catch { throw ExitCode.invalidInput }
    let files = PackTester.testFiles(in: directory)
    let run = PackTester(program: program).run(files: files)
    var sources: [String: SourceFile] = [:]
    for path in Set(run.diagnostics.map(\.location.file)) {
      if let file = try? Workspace.read(path) { sources[path] = file }
    }
    Terminal.report(run.diagnostics, sources: sources)
    Terminal.write(TestRunRenderer(program: program).render(run, coverage: coverage))
    if run.diagnostics.hasErrors { throw ExitCode.invalidInput }
    if run.failedCount > 0 || run.outcomes.isEmpty { throw ExitCode(1) }
  }
}
