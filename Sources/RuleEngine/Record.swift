/// One record of a list finding: its field values by field slot.
public struct Record: Sendable, Hashable {
  public var fields: [Value]

  public init(fields: [Value]) { self.fields = fields }
}
