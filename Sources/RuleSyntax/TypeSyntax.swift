package import RuleDiagnostics

/// The type of a finding or of a record field.
package struct TypeSyntax: Sendable {
  /// The kinds of value the language knows.
  package enum Kind: String, Sendable, CaseIterable {
    case boolean, integer, number, `enum`, set, string, date, list
  }

  package var kind: Located<Kind>
  /// Enum or set values, in declared order.
  package var values: [Located<String>]
  /// The label of each value (what a sentence says instead of its name), when declared.
  package var labels: [String?] = []
  /// Inclusive range for integer and number.
  package var range: (low: Located<Double>, high: Located<Double>)?
  package var unit: String?
  /// Record fields, for lists.
  package var fields: [FieldSyntax]
}

/// A field of a record type.
package struct FieldSyntax: Sendable {
  package var name: Located<String>
  package var type: TypeSyntax
  package var description: String?
  package var ask: String?
  /// `like: phq9`: the field records that finding (its type, range, unit and bands).
  package var like: Located<String>? = nil
  /// The field's values must increase strictly from one item of the list to the next.
  package var increasing: Bool = false
  /// The value an item takes when it leaves the field out.
  package var defaultValue: DataNode? = nil
}
