import RuleDiagnostics

/// Identity of the pack a program was compiled from.
public struct PackIdentity: Sendable, Hashable, Codable {
  /// The pack id.
  public let id: String
  /// The pack version.
  public let version: String
  /// The pack's title.
  public let title: String
  /// SHA-256 of the pack's files (paths and bytes, sorted by path), hex.
  public let sha256: String
  /// The mode the program was compiled in: every rule, or only reviewed ones (release).
  public let mode: PackMode
  /// The mode the pack's manifest asks for (`mode:`), full unless it says release.
  public let defaultMode: PackMode
  /// In release mode, the ids of the draft rules left out, sorted (empty in full mode).
  public let skippedRules: [String]

  package init(
    id: String, version: String, title: String, sha256: String, mode: PackMode = .full,
    defaultMode: PackMode = .full, skippedRules: [String] = []
  ) {
    self.id = id
    self.version = version
    self.title = title
    self.sha256 = sha256
    self.mode = mode
    self.defaultMode = defaultMode
    self.skippedRules = skippedRules
  }
}
