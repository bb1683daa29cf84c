import Foundation
import RuleCompiler
import RuleDiagnostics
import RuleEngine
import RuleSyntax
import RuleWorkspace

/// Reading and checking case files for the commands.
enum CaseInputs {
  /// Expands folders to their `*.yaml` files (sorted); keeps files as given.
  static func expand(_ paths: [String]) throws -> [String] {
    var out: [String] = []
    for path in paths {
      if Workspace.isDirectory(path) {
        out += try Workspace.yamlFiles(in: path, skipTests: false)
      } else {
        out.append(path)
      }
    }
    return out
  }

  /// Reads, loads and checks one case; on failure prints why and returns nil.
  static func load(_ path: String, with compiler: CaseCompiler) -> CaseFacts? {
    let (facts, diagnostics, file) = Workspace.loadCase(path, with: compiler)
    if let file {
      Terminal.report(diagnostics, sources: [file.path: file])
    } else {
      for d in diagnostics { Terminal.error("\(d.location.file): error: \(d.message)") }
    }
    return facts
  }
}

extension Workspace {
  /// Loads the pack and fails with exit code 2 (printing diagnostics) when it has errors.
  static func program(_ path: String?) throws -> Program {
    let pack: LoadedPack
    do {
      pack = try loadPack(path)
    } catch let error as ReadError {
      Terminal.error(error.description)
      throw ExitCodeError.invalidInput
    }
    guard let program = pack.program else {
      Terminal.report(pack.diagnostics, sources: pack.sources)
      Terminal.error("\(pack.directory): the pack has errors; run 'ipt lint \(pack.directory)'")
      throw ExitCodeError.invalidInput
    }
    return program
  }
}

enum ExitCodeError: Error {
  case invalidInput
}
