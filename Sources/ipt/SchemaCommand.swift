import Advisor
import ArgumentParser
import Foundation
import RuleWorkspace

/// `SchemaKind` on the command line.
struct SchemaKindArgument: ExpressibleByArgument {
  var kind: SchemaKind

  init?(argument: String) {
    guard let kind = SchemaKind(rawValue: argument) else { return nil }
    self.kind = kind
  }

  static var allValueStrings: [String] { SchemaKind.allCases.map(\.rawValue) }
}

struct SchemaCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "schema",
    abstract: "JSON Schemas (2020-12) of pack files, pack tests, formulations and case files.",
    discussion: """
      ipt schema case prints the schema of a case file for the pack (from its vocabulary: types, \
      ranges, enum values and labels, questions); ipt schema --out schemas writes every kind as \
      KIND.schema.json. Point an editor's YAML language server at them (docs/authoring.md).
      Kinds: manifest, pack-file, tests, formulation, case.
      """)

  @OptionGroup var packOptions: PackOptions

  @Argument(help: "The kind of file: manifest, pack-file, tests, formulation or case.")
  var kind: SchemaKindArgument?

  @Option(help: "Write every schema (or the one named) into this folder as KIND.schema.json.")
  var out: String?

  func validate() throws {
    if kind == nil && out == nil {
      throw ValidationError(
        "name a kind (\(SchemaKind.allCases.map(\.rawValue).joined(separator: ", "))), or give --out DIR for all of them"
      )
    }
  }

  func run() throws {
    let advisor = try Advisor.forCommand(packOptions.folder)
    guard let out else {
      if let kind { Terminal.write(advisor.schema(kind.kind)) }
      return
    }
    do {
      try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
      for kind in kind.map({ [$0.kind] }) ?? SchemaKind.allCases {
        let path = Workspace.join(out, "\(kind.rawValue).schema.json")
        try Data(advisor.schema(kind).utf8).write(to: URL(fileURLWithPath: path))
        Terminal.error("wrote \(path)")
      }
    } catch {
      Terminal.error("\(out): error: cannot write the schemas (\(error.localizedDescription))")
      throw ExitCode.invalidInput
    }
  }
}
