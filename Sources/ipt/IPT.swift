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
      DocCommand.self, CheckCommand.self, AgreementCommand.self, DiffCommand.self,
      SchemaCommand.self,
      AuditCommand.self, ServeCommand.self,
    ])
}

extension IPT {
  /// Parses the command line (usage errors exit 64) and runs the command; an error a command does
  /// not turn into an exit code itself is an internal error (exit 70), reported in one line.
  static func main() {
    rejectUnknownCommand(Array(CommandLine.arguments.dropFirst()))
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

extension IPT {
  /// A first word that names no command is a usage error (exit 64) with the nearest command as a
  /// hint: `ipt evalute` suggests 'evaluate'.
  static func rejectUnknownCommand(_ arguments: [String]) {
    guard let word = arguments.first, !word.hasPrefix("-") else { return }
    let names = configuration.subcommands.compactMap { $0.configuration.commandName } + ["help"]
    guard !names.contains(word) else { return }
    let hint = Suggest.closest(to: word, in: names).map { "did you mean '\($0)'?" }
    Terminal.error(
      "Error: unknown command '\(word)'\n"
        + (hint.map { "hint: \($0)\n" } ?? "")
        + "Usage: ipt <subcommand>; commands: \(names.dropLast().joined(separator: ", "))\n"
        + "  See 'ipt --help' for more information.")
    Foundation.exit(64)
  }
}
