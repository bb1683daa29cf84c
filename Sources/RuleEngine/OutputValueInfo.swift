import RuleDiagnostics

/// One value of an output.
public struct OutputValueInfo: Sendable, Hashable {
  public var name: String
  public var label: String
  public var description: String?
  public var cite: [String]

  public init(name: String, label: String, description: String?, cite: [String]) {
    self.name = name
    self.label = label
    self.description = description
    self.cite = cite
  }
}
