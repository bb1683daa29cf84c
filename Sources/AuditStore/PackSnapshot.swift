import Foundation
import RuleDiagnostics
import RuleWorkspace

/// What an audit store keeps of a pack: its folder and the SHA-256 of each file it read (the
/// files themselves are stored under those hashes). Stored as canonical JSON under its own
/// SHA-256, so that a record names the exact pack it ran with and replay can load it again after
/// the pack's folder changed or went away.
public struct PackSnapshot: Codable, Sendable, Hashable {
  /// A file of the pack.
  public struct File: Codable, Sendable, Hashable {
    /// The file's path as the pack was read (it starts with `directory`).
    public var path: String
    /// SHA-256 of the file's bytes.
    public var sha256: String
  }

  /// The schema name every snapshot carries.
  static let schemaName = "ipt-advisor/pack-snapshot/1"
  /// `ipt-advisor/pack-snapshot/1`.
  public var schema = PackSnapshot.schemaName
  /// The pack's folder, as given (`rules/ipt-core` for the bundled pack).
  public var directory: String
  /// Every file of the pack and of the packs it extends, sorted by path.
  public var files: [File]

  /// The snapshot of the files a pack was compiled from.
  init(directory: String, sources: [String: SourceFile]) {
    self.directory = directory
    files = sources.keys.sorted().compactMap { path in
      sources[path].map { File(path: path, sha256: Digest.sha256($0.text)) }
    }
  }

  /// The canonical JSON (sorted keys, one line).
  var canonicalText: String { AuditSession.line(self) }
}
