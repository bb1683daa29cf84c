import ArgumentParser
import Advisor
import RuleDiagnostics
import RuleEngine
import RuleWorkspace

extension Advisor {
  /// Loads the pack for a command; on errors prints them and exits 2.
  static func forCommand(_ folder: PackFolder, mode: PackMode? = nil) throws -> Advisor {
    let load = Advisor.load(folder, mode: mode)
    guard let advisor = load.advisor else {
      Terminal.report(load.diagnostics, sources: load.sources)
      Terminal.error("\(folder.directory): the pack has errors; run 'ipt lint \(folder.directory)'")
      throw ExitCode.invalidInput
    }
    return advisor
  }
}
