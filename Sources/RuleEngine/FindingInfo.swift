public import RuleDiagnostics

/// A finding, resolved to its slot (its index in `Program.findings`).
public struct FindingInfo: Sendable, Hashable {
  public var name: String
  public var type: ValueType
  public var range: ClosedRange<Double>?
  public var unit: String?
  public var description: String
  public var ask: String?
  public var derived: Bool
  public var location: SourceLocation

  public init(
    name: String, type: ValueType, range: ClosedRange<Double>?, unit: String?,
    description: String, ask: String?, derived: Bool, location: SourceLocation
  ) {
    self.name = name
    self.type = type
    self.range = range
    self.unit = unit
    self.description = description
    self.ask = ask
    self.derived = derived
    self.location = location
  }
}
