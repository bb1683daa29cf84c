import ArgumentParser
import Foundation
import RuleDiagnostics
import RuleEngine
import RuleRender
import RuleWorkspace
import RuleSyntax

struct LintCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lint", abstract: "Check a rule pack and report every problem with its location.")

  @Argument(help: "The pack folder (default: rules/ipt-core).")
  var packPath: String?

  @Option(help: "Output format: text, json or sarif.")
  var format: LintFormat = .text

  enum LintFormat: String, ExpressibleByArgument {
    case text, json, sarif
  }

  func run() throws {
    let pack: LoadedPack
    do {
      pack = try Workspace.loadPack(packPath)
    } catch let error as ReadError {
      Terminal.error(error.description)
      throw ExitCode.invalidInput
    }
    switch format {
    case .json:
      Terminal.write(DiagnosticJSON.render(pack.diagnostics))
    case .sarif:
      Terminal.write(DiagnosticSARIF.render(pack.diagnostics, toolVersion: EngineVersion.string))
    case .text:
      Terminal.report(pack.diagnostics, sources: pack.sources)
      let errors = pack.diagnostics.filter { $0.severity == .error }.count
      let warnings = pack.diagnostics.filter { $0.severity == .warning }.count
      let rules = pack.program?.rules.count ?? pack.syntax.rules.count
      Terminal.error("\(pack.directory): \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s") (\(rules) rules)")
    }
    if pack.diagnostics.hasErrors { throw ExitCode(1) }
  }
}
