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

  @Flag(
    help:
      "Also report coverage: rules, alerts, each condition deciding its rule (MC/DC), and each output value picked, excluded and left unpicked."
  )
  var coverage = false

  @Option(
    name: .customLong("min-coverage"),
    help: "With --coverage, exit 1 when fewer than this percentage of conditions are shown (MC/DC)."
  )
  var minCoverage: Double?

  func validate() throws {
    if let minCoverage, !(0...100).contains(minCoverage) {
      throw ValidationError("--min-coverage takes a percentage from 0 to 100")
    }
  }

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
      Terminal.write(
        JSONText.encode(TestRunSummary(run, program: advisor.program, coverage: coverage)))
    } else {
      let document = TestRunDocument(program: advisor.program).document(run, coverage: coverage)
      Terminal.render([document], format: format, title: "ipt-advisor tests")
    }
    if run.diagnostics.hasErrors { throw ExitCode.invalidInput }
    if let minCoverage {
      let figure = ConditionCoverage(run, program: advisor.program).percent
      if figure < minCoverage {
        Terminal.error(
          "condition coverage (MC/DC) is \(NumberText.format(figure))%, below the \(NumberText.format(minCoverage))% asked for"
        )
        throw ExitCode(1)
      }
    }
    if run.failedCount > 0 || run.outcomes.isEmpty { throw ExitCode(1) }
  }
}
