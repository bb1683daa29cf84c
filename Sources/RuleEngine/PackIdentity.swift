import RuleDiagnostics

/// Identity of the pack a program was compiled from.
public struct PackIdentity: Sendable, Hashable, Codable {
  public var id: String
  public var version: String
  public var title: String
  /// SHA-256 of the pack's files (paths and bytes, sorted by path), hex.
  public var sha256: String

  public init(id: String, version: String, title: String, sha256: String) {
    self.id = id
    self.version = version
    self.title = title
    self.sha256 = sha256
  }
}
