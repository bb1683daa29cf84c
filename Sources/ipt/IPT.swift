import Advisor
import ArgumentParser
import Foundation
import RuleDiagnostics
import RuleRender

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
    version: Advisor.engineVersion,
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
    let colour = ProcessInfo.processInfo.environment["NO_COLOR"] == nil && isatty(STDERR_FILENO) != 0
    error(DiagnosticFormatter(colour: colour).format(diagnostics, sources: sources))
  }
}

/// The formats of a human-readable or machine report.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
  case text, markdown, html, json
}

extension Terminal {
  /// Prints documents as text (coloured on a terminal), Markdown (separated by a blank line) or
  /// one HTML page.
  static func render(_ documents: [Document], format: ReportFormat, title: String) {
    switch format {
    case .html:
      write(HTMLRenderer().page(documents, title: title))
    case .markdown:
      write(documents.map { MarkdownRenderer().render($0) }.joined(separator: "\n"))
    case .text, .json:
      write(documents.map { TextRenderer(colour: colour).render($0) }.joined(separator: "\n"))
    }
  }
}

extension ExitCode {
  static let invalidInput = ExitCode(2)
}
