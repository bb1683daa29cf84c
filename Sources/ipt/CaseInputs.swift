import ArgumentParser
import Advisor
import RuleDiagnostics
import RuleWorkspace

/// Reading the input files the commands are given: files, folders of files, and `-` for
/// standard input.
enum CaseInputs {
  /// Expands folders to their `*.yaml` files (sorted); keeps files and `-` as given. A folder
  /// without any YAML file is an error (`no case files in DIR`), and so is `-` given twice.
  static func expand(_ paths: [String], kind: String = "case") throws(ReadError) -> [String] {
    var out: [String] = []
    for path in paths {
      if path == "-" {
        guard !out.contains("-") else {
          throw ReadError(path: path, reason: "standard input ('-') can be read only once")
        }
        out.append(path)
      } else if Workspace.isDirectory(path) {
        let files = try Workspace.yamlFiles(in: path)
        guard !files.isEmpty else {
          throw ReadError(
            path: path, reason: "no \(kind) files in \(path)",
            hint: "give YAML files (*.yaml), or a folder that holds some")
        }
        out += files
      } else {
        out.append(path)
      }
    }
    return out
  }

  /// Reads a file (`-` is standard input), or prints the one-line reason it cannot be read and
  /// returns nil.
  /// Case and formulation files read together (each failure said on standard error), with every
  /// file by path for quoting diagnostics, and whether some could not be read.
  static func readAll(cases: [String], formulations: [String], limits: LimitOptions) -> (
    cases: [SourceFile], formulations: [SourceFile], sources: [String: SourceFile],
    unreadable: Bool
  ) {
    let caseFiles = cases.compactMap { read($0, limits: limits) }
    let formulationFiles = formulations.compactMap { read($0, limits: limits) }
    let sources = Dictionary(
      (caseFiles + formulationFiles).map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
    return (
      caseFiles, formulationFiles, sources,
      caseFiles.count < cases.count || formulationFiles.count < formulations.count
    )
  }

  /// Reads a file (`-` is standard input), or says why it cannot be read.
  static func load(_ path: String, limits: LimitOptions) -> Result<SourceFile, ReadError> {
    do throws(ReadError) {
      return .success(
        path == "-"
          ? try Workspace.readStandardInput(maxBytes: limits.maxFileSize.bytes)
          : try Workspace.read(path, maxBytes: limits.maxFileSize.bytes))
    } catch {
      return .failure(error)
    }
  }

  static func read(_ path: String, limits: LimitOptions) -> SourceFile? {
    do {
      return path == "-"
        ? try Workspace.readStandardInput(maxBytes: limits.maxFileSize.bytes)
        : try Workspace.read(path, maxBytes: limits.maxFileSize.bytes)
    } catch {
      Terminal.error(error.description)
      return nil
    }
  }
}
