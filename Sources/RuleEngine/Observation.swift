public import RuleDiagnostics

/// A value read while evaluating a condition, with where it came from.
public struct Observation: Sendable, Hashable {
  /// As written in the condition: `phq9`, `e.months_ago`.
  public var name: String
  /// The value read.
  public var value: Value
  /// The value's type.
  public var type: ValueType
  /// The finding slot read (for a field, the list finding's slot).
  public var slot: Int
  /// The list element, for a field of a record.
  public var element: Int?
  /// Where the value is written in the case file (nil when unknown or derived).
  public var origin: SourceLocation?
}
