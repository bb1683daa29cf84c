import ArgumentParser
import Advisor
import RuleDiagnostics
import RuleWorkspace

/// Options every pack-reading command shares.
struct PackOptions: ParsableArguments {
  @Option(name: .long, help: "A rule pack folder (default: the bundled rules/ipt-core).")
  var pack: String?

  @OptionGroup var limits: LimitOptions

  /// The pack folder chosen: the bundled default pack unless `--pack` names one.
  var folder: PackFolder { PackFolder.chosen(pack, limits: limits) }
}

extension PackFolder {
  /// The folder at `path` on disk, or the bundled default pack.
  static func chosen(_ path: String?, limits: LimitOptions) -> PackFolder {
    path.map { .disk($0, maxFileSize: limits.maxFileSize.bytes) } ?? .bundled
  }
}
