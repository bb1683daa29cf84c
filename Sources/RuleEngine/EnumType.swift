import RuleDiagnostics

/// An enum's values in declared order.
public struct EnumType: Sendable, Hashable {
  /// The finding or field that declared it, for messages.
  public let owner: String
  /// The values, in declared order (a value is its index here).
  public let values: [String]

  package init(owner: String, values: [String]) {
    self.owner = owner
    self.values = values
  }
}
