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

  @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
  var output: String?

  @Option(help: "Output format: markdown or html.")
  var format: DocFormat = .markdown

  enum DocFormat: String, ExpressibleByArgument {
    case markdown, html
  }

  func run() throws {
    let advisor = try Advisor.forCommand(packPath.map(PackFolder.disk) ?? .bundled)
    let document = PackCatalogue(program: advisor.program).document()
    let text =
      format == .html
      ? HTMLRenderer().page([document], title: "Pack \(advisor.program.pack.id)")
      : MarkdownRenderer().render(document)
    if let output {
      do {
        try text.write(toFile: output, atomically: true, encoding: .utf8)
      } catch {
        Terminal.error("\(output): error: cannot write the file (\(error))")
        throw ExitCode(1)
      }
    } else {
      Terminal.write(text)
    }
  }
}
