import RuleDiagnostics

/// An enum's values in declared order.
public struct EnumType: Sendable, Hashable {
  /// The finding or field that declared it, for messages.
  public let owner: String
  /// The values, in declared order (a value is its index here).
  public let values: [String]
  /// The label of each value, as sentences say it: the declared `label`, else the name with
  /// spaces for underscores.
  public let labels: [String]

  package init(owner: String, values: [String], labels: [String?] = []) {
    self.owner = owner
    self.values = values
    self.labels = values.indices.map { i in
      (i < labels.count ? labels[i] : nil) ?? values[i].replacing("_", with: " ")
    }
  }
}
