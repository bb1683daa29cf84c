/// One record of a list finding: its field values by field slot.
public struct Record: Sendable, Hashable {
  /// The field values, by field slot.
  public var fields: [Value]

  /// A record of field values.
  package init(fields: [Value]) { self.fields = fields }
}
