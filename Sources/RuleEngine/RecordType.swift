import RuleDiagnostics

/// A record type: the fields of a list finding's items.
public struct RecordType: Sendable, Hashable {
  /// The list finding it belongs to.
  public let owner: String
  /// The fields, in declared order.
  public let fields: [FieldInfo]

  package init(owner: String, fields: [FieldInfo]) {
    self.owner = owner
    self.fields = fields
  }
}
