import RuleDiagnostics

/// A citation key and its text.
public struct Reference: Sendable, Hashable {
  public var key: String
  public var text: String

  public init(key: String, text: String) {
    self.key = key
    self.text = text
  }
}
