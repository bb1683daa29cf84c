import Advisor
import ArgumentParser
import Foundation
import RuleDiagnostics
import RuleRender

@main
struct IPT: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ipt",
    abstract:
      "Rule-based decision support for Interpersonal Psychotherapy training and supervision.",
    discussion: """
      Suggests and explains an IPT formulation from a case file. Decision support for training \
      and supervision, not a diagnosis.

      Exit codes: 0 success; 1 a result you asked to fail on; 2 invalid input files; 64 bad \
      command line; 70 internal error.
      """,
    version: Advisor.engineVersion,
    subcommands: [
      EvaluateCommand.self, ExplainCommand.self, LintCommand.self, ValidateCommand.self,
      TestCommand.self,
      DocCommand.self, CheckCommand.self, AgreementCommand.self,
    ])
}

extension IPT {
  /// Parses the command line (usage errors exit 64) and runs the command; an error a command does
  /// not turn into an exit code itself is an internal error (exit 70), reported in one line.
  static func main() {
    var command: any ParsableCommand
    do {
      command = try parseAsRoot()
    } catch {
      exit(withError: error)
    }
    do {
      try command.run()
    } catch {
      // Exit codes, help and usage errors keep their meaning; anything else is a defect.
      if !(error is ExitCode) && exitCode(for: error) == .failure {
        Terminal.error("ipt: internal error: \(error)")
        Foundation.exit(70)
      }
      exit(withError: error)
    }
  }
}
