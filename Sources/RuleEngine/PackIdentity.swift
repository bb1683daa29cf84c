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

  package init(id: String, version: String, title: String, sha256: String) {
    self.id = id
    self.version = version
    self.title = title
    self.sha256 = sha256
  }
}
