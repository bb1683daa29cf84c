import Advisor
import ArgumentParser
import RuleDiagnostics
import RuleRender
import RuleTester
import RuleWorkspace

struct TestCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "test",
    abstract: "Run a pack's tests (tests/*.yaml) and report failures with explanations.")

  @Argument(help: "The pack folder (default: the bundled rules/ipt-core).")
  var packPath: String?

  @OptionGroup var limits: LimitOptions

  @OptionGroup var mode: ModeOptions

  @Flag(help: "Also report which rules, output values and alerts no test reaches.")
  var coverage = false

  @Option(help: "Output format: text, markdown, html or json.")
  var format: ReportFormat = .text

  func run() throws {
    let advisor = try Advisor.forCommand(
      PackFolder.chosen(packPath, limits: limits), mode: mode.mode)
    let run = advisor.runTests()
    var sources: [String: SourceFile] = [:]
    for path in Set(run.diagnostics.map(\.location.file)) {
      if let file = try? advisor.folder.read(path) { sources[path] = file }
    }
    Terminal.report(run.diagnostics, sources: sources)
    if format == .json {
      Terminal.write(JSONText.encode(TestRunSummary(run, program: advisor.program)))
    } else {
      let document = TestRunDocument(program: advisor.program).document(run, coverage: coverage)
      Terminal.render([document], format: format, title: "ipt-advisor tests")
    }
    if run.diagnostics.hasErrors { throw ExitCode.invalidInput }
    if run.failedCount > 0 || run.outcomes.isEmpty { throw ExitCode(1) }
  }
}
