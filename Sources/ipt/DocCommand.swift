import Advisor
import ArgumentParser
import Foundation
import RuleEngine
import RuleRender
import RuleWorkspace

struct DocCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "doc",
    abstract: "Write a Markdown catalogue of a pack: vocabulary, outputs, alerts and every rule.")

  @Argument(help: "The pack folder (default: the bundled rules/ipt-core).")
  var packPath: String?

  @OptionGroup var limits: LimitOptions

  @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
  var output: String?

  @Option(help: "Output format: markdown or html.")
  var format: DocFormat = .markdown

  /// One line on why `path` could not be written (the platform's error is not for users).
  static func whyNotWritten(_ path: String) -> String {
    let folder = Workspace.parent(of: path)
    if Workspace.isDirectory(path) { return "cannot write the file: it is a folder" }
    if !Workspace.isDirectory(folder) { return "cannot write the file: no such folder '\(folder)'" }
    return "cannot write the file (permission denied?)"
  }

  enum DocFormat: String, ExpressibleByArgument {
    case markdown, html
  }

  func run() throws {
    let advisor = try Advisor.forCommand(PackFolder.chosen(packPath, limits: limits))
    let document = PackCatalogue(program: advisor.program).document()
    let text =
      format == .html
      ? HTMLRenderer().page([document], title: "Pack \(advisor.program.pack.id)")
      : MarkdownRenderer().render(document)
    if let output {
      do {
        try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
      } catch {
        Terminal.error("\(output): error: \(Self.whyNotWritten(output))")
        throw ExitCode.invalidInput
      }
    } else {
      Terminal.write(text)
    }
  }
}
