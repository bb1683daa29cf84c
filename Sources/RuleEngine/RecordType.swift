import RuleDiagnostics

/// A record type: the fields of a list finding's items.
public struct RecordType: Sendable, Hashable {
  public var owner: String
  public var fields: [FieldInfo]

  public init(owner: String, fields: [FieldInfo]) {
    self.owner = owner
    self.fields = fields
  }
}
