import RuleDiagnostics

/// A record field.
public struct FieldInfo: Sendable, Hashable {
  public var name: String
  public var type: ValueType
  public var range: ClosedRange<Double>?
  public var unit: String?
  public var description: String?
  public var ask: String?

  public init(
    name: String, type: ValueType, range: ClosedRange<Double>?, unit: String?,
    description: String?, ask: String?
  ) {
    self.name = name
    self.type = type
    self.range = range
    self.unit = unit
    self.description = description
    self.ask = ask
  }
}
