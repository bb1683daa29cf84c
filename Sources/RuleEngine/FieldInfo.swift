import RuleDiagnostics

/// A record field.
public struct FieldInfo: Sendable, Hashable {
  /// The field's name.
  public let name: String
  /// The field's type.
  public let type: ValueType
  /// The declared range, for numbers.
  public let range: ClosedRange<Double>?
  /// The declared unit, for numbers.
  public let unit: String?
  /// What the field records.
  public let description: String?
  /// The question that learns it.
  public let ask: String?

  package init(
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
