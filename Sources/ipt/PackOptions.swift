import ArgumentParser
import Advisor
import RuleDiagnostics
import RuleEngine
import RuleWorkspace

/// Options every pack-reading command shares.
struct PackOptions: ParsableArguments {
  @Option(name: .long, help: "A rule pack folder (default: the bundled rules/ipt-core).")
  var pack: String?

  @OptionGroup var limits: LimitOptions

  @OptionGroup var mode: ModeOptions

  /// The pack folder chosen: the bundled default pack unless `--pack` names one.
  var folder: PackFolder { PackFolder.chosen(pack, limits: limits) }
}

/// `--release` / `--no-release`: run only reviewed rules (and the draft rules safety depends on),
/// or every rule; without either, the pack's `mode:` decides.
struct ModeOptions: ParsableArguments {
  @Flag(
    inversion: .prefixedNo,
    help: "Run only reviewed rules (release mode), or every rule; default: the pack's mode.")
  var release: Bool?

  /// The mode asked for, or nil for the pack's own.
  var mode: PackMode? { release.map { $0 ? .release : .full } }
}

extension PackFolder {
  /// The folder at `path` on disk, or the bundled default pack.
  static func chosen(_ path: String?, limits: LimitOptions) -> PackFolder {
    path.map { .disk($0, maxFileSize: limits.maxFileSize.bytes) } ?? .bundled
  }
}
