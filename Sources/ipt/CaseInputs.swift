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

/// Options every pack-reading command shares.
struct PackOptions: ParsableArguments {
  @Option(name: .long, help: "A rule pack folder (default: the bundled rules/ipt-core).")
  var pack: String?

  /// The pack folder chosen: the bundled default pack unless `--pack` names one.
  var folder: PackFolder { pack.map(PackFolder.disk) ?? .bundled }
}

extension Advisor {
  /// Loads the pack for a command; on errors prints them and exits 2.
  static func forCommand(_ folder: PackFolder) throws -> Advisor {
    let load = Advisor.load(folder)
    guard let advisor = load.advisor else {
      Terminal.report(load.diagnostics, sources: load.sources)
      Terminal.error("\(folder.directory): the pack has errors; run 'ipt lint \(folder.directory)'")
      throw ExitCode.invalidInput
    }
    return advisor
  }
}
