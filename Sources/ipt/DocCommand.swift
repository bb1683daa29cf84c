import ArgumentParser
import Foundation
import RuleEngine
import RuleRender
import RuleWorkspace

struct DocCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "doc", abstract: "Write a Markdown catalogue of a pack: vocabulary, outputs, alerts and every rule.")

  @Argument(help: "The pack folder (default: rules/ipt-core).")
  var packPath: String?

  @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
  var output: String?

  func run() throws {
    let program: Program
    do { program = try Workspace.program(packPath) } catch { throw ExitCode.invalidInput }
    let text = PackCatalogue(program: program).render()
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
