import ArgumentParser
import Advisor
import RuleDiagnostics
import RuleWorkspace

/// Options every pack-reading command shares.
struct PackOptions: ParsableArguments {
  @Option(name: .long, help: "A rule pack folder (default: the bundled rules/ipt-core).")
  var pack: String?

  /// The pack folder chosen: the bundled default pack unless `--pack` names one.
  var folder: PackFolder { pack.map(PackFolder.disk) ?? .bundled }
}
