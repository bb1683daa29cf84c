public import RuleDiagnostics

/// The type of a finding or of a record field.
public struct TypeSyntax: Sendable {
  /// The kinds of value the language knows.
  public enum Kind: String, Sendable, CaseIterable {
    case boolean, integer, number, `enum`, set, string, date, list
  }

  public var kind: Located<Kind>
  /// Enum or set values, in declared order.
  public var values: [Located<String>]
  /// Inclusive range for integer and number.
  public var range: (low: Located<Double>, high: Located<Double>)?
  public var unit: String?
  /// Record fields, for lists.
  public var fields: [FieldSyntax]
}

/// A field of a record type.
public struct FieldSyntax: Sendable {
  public var name: Located<String>
  public var type: TypeSyntax
  public var description: String?
  public var ask: String?
}
