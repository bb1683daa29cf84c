import ArgumentParser
import Foundation
import RuleDiagnostics

@main
struct IPT: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ipt",
    abstract: "Rule-based decision support for Interpersonal Psychotherapy training and supervision.",
    discussion: """
      Suggests and explains an IPT formulation from a case file. Decision support for training \
      and supervision, not a diagnosis.

      Exit codes: 0 success; 1 a result you asked to fail on; 2 invalid input files; 64 bad \
      command line; 70 internal error.
      """,
    version: EngineVersion.string,
    subcommands: [
      EvaluateCommand.self, ExplainCommand.self, LintCommand.self, ValidateCommand.self, TestCommand.self,
      DocCommand.self, CheckCommand.self,
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

enum EngineVersion {
  static let string = "0.1.0"
}

/// Options every pack-reading command shares.
struct PackOptions: ParsableArguments {
  @Option(name: .long, help: "The rule pack folder (default: rules/ipt-core, or the bundled copy).")
  var pack: String?
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
  case text, json, markdown, html, jsonl
}

enum Terminal {
  static var colour: Bool {
    ProcessInfo.processInfo.environment["NO_COLOR"] == nil && isatty(STDOUT_FILENO) != 0
  }

  static func error(_ text: String) {
    FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
  }

  static func write(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
  }

  /// Prints diagnostics to standard error.
  static func report(_ diagnostics: [Diagnostic], sources: [String: SourceFile]) {
    guard !diagnostics.isEmpty else { return }
    let formatter = DiagnosticFormatter(colour: ProcessInfo.processInfo.environment["NO_COLOR"] == nil && isatty(STDERR_FILENO) != 0)
    error(formatter.format(diagnostics, sources: sources))
  }
}

extension ExitCode {
  static let invalidInput = ExitCode(2)
  static let internalError = ExitCode(70)
}
