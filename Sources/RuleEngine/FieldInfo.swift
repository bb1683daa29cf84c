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
  /// The finding it records at each item (`like:`), whose bands it shares.
  public let like: Int?
  /// Whether its values must increase strictly from one item to the next.
  public let increasing: Bool
  /// The value an item takes when it leaves the field out.
  public let defaultValue: Value?

  package init(
    name: String, type: ValueType, range: ClosedRange<Double>?, unit: String?,
    description: String?, ask: String?, like: Int? = nil, increasing: Bool = false,
    defaultValue: Value? = nil
  ) {
    self.like = like
    self.increasing = increasing
    self.defaultValue = defaultValue
    self.name = name
    self.type = type
    self.range = range
    self.unit = unit
    self.description = description
    self.ask = ask
  }
}
