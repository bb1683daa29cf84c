import Advisor
import ArgumentParser
import RuleDiagnostics
import RuleRender
import RuleWorkspace

struct LintCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lint", abstract: "Check a rule pack and report every problem with its location.")

  @Argument(help: "The pack folder (default: the bundled rules/ipt-core).")
  var packPath: String?

  @OptionGroup var limits: LimitOptions

  @Option(help: "Output format: text, json or sarif.")
  var format: LintFormat = .text

  enum LintFormat: String, ExpressibleByArgument {
    case text, json, sarif
  }

  func run() throws {
    let folder = PackFolder.chosen(packPath, limits: limits)
    let load = Advisor.load(folder, analyse: true)
    switch format {
    case .json:
      Terminal.write(DiagnosticJSON.render(load.diagnostics))
    case .sarif:
      Terminal.write(DiagnosticSARIF.render(load.diagnostics, toolVersion: Advisor.engineVersion))
    case .text:
      Terminal.report(load.diagnostics, sources: load.sources)
      let errors = load.diagnostics.filter { $0.severity == .error }.count
      let warnings = load.diagnostics.filter { $0.severity == .warning }.count
      Terminal.error(
        "\(folder): \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s") (\(load.ruleCount) rules)"
      )
    }
    if load.diagnostics.hasErrors { throw ExitCode(1) }
  }
}
