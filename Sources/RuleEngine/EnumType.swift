import RuleDiagnostics

/// An enum's values in declared order.
public struct EnumType: Sendable, Hashable {
  /// The finding or field that declared it, for messages.
  public var owner: String
  public var values: [String]

  public init(owner: String, values: [String]) {
    self.owner = owner
    self.values = values
  }
}
