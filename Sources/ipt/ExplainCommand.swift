import Advisor
import ArgumentParser
import RuleDiagnostics
import RuleRender
import RuleWorkspace

struct ExplainCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "explain",
    abstract:
      "Trace every rule for a case: fired, failed at which condition, or undetermined on which findings."
  )

  @OptionGroup var packOptions: PackOptions

  @Option(help: "Output format: text, markdown, html or json.")
  var format: OutputFormat = .text

  @Argument(help: "The case file; '-' reads it from standard input.")
  var caseFile: String

  func run() throws {
    try EvaluateCommand.run(
      cases: [caseFile], pack: packOptions.folder, mode: packOptions.mode.mode,
      limits: packOptions.limits, format: format,
      fullTrace: true)
  }
}
