import RuleDiagnostics

/// A citation key and its text.
public struct Reference: Sendable, Hashable {
  /// The citation key.
  public let key: String
  /// The full citation.
  public let text: String

  package init(key: String, text: String) {
    self.key = key
    self.text = text
  }
}
