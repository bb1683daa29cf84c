import Advisor
import ArgumentParser
import RuleDiagnostics
import RuleRender
import RuleWorkspace

struct ValidateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate", abstract: "Check case files against the pack's vocabulary.")

  @OptionGroup var packOptions: PackOptions

  @Argument(help: "Case files, or folders of case files; '-' reads a case from standard input.")
  var cases: [String]

  func run() throws {
    let advisor = try Advisor.forCommand(packOptions.folder, mode: packOptions.mode.mode)
    let paths: [String]
    do { paths = try CaseInputs.expand(cases) } catch {
      Terminal.error(error.description)
      throw ExitCode.invalidInput
    }
    var failed = 0
    for path in paths {
      guard let file = CaseInputs.read(path, limits: packOptions.limits) else {
        failed += 1
        continue
      }
      let facts = advisor.facts(file)
      Terminal.report(facts.diagnostics, sources: [file.path: file])
      if facts.value == nil { failed += 1 }
    }
    Terminal.error(
      "\(paths.count - failed) of \(paths.count) case\(paths.count == 1 ? "" : "s") valid")
    if failed > 0 { throw ExitCode.invalidInput }
  }
}
