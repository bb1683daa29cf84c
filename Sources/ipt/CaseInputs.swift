import ArgumentParser
import Advisor
import RuleDiagnostics
import RuleWorkspace

/// Reading the input files the commands are given.
enum CaseInputs {
  /// Expands folders to their `*.yaml` files (sorted); keeps files as given.
  static func expand(_ paths: [String]) throws(ReadError) -> [String] {
    var out: [String] = []
    for path in paths {
      if Workspace.isDirectory(path) {
        out += try Workspace.yamlFiles(in: path)
      } else {
        out.append(path)
      }
    }
    return out
  }

  /// Reads a file, or prints the one-line reason it cannot be read and returns nil.
  static func read(_ path: String) -> SourceFile? {
    do {
      return try Workspace.read(path)
    } catch {
      Terminal.error(error.description)
      return nil
    }
  }
}
