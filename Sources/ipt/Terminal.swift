import Advisor
import ArgumentParser
import Foundation
import RuleDiagnostics
import RuleRender

enum Terminal {
  static var colour: Bool {
    TerminalColour.enabled(
      environment: ProcessInfo.processInfo.environment, isTerminal: isatty(STDOUT_FILENO) != 0)
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
    let colour = TerminalColour.enabled(
      environment: ProcessInfo.processInfo.environment, isTerminal: isatty(STDERR_FILENO) != 0)
    error(DiagnosticFormatter(colour: colour).format(diagnostics, sources: sources))
  }
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
