import RuleDiagnostics

/// The type of a finding, a record field or an expression.
public enum ValueType: Sendable, Hashable {
  case boolean
  case integer
  case number
  /// An enum, by index into `Program.enums`.
  case enumeration(Int)
  /// A set of an enum's values.
  case set(Int)
  case string
  case date
  /// A list of records, by index into `Program.records`.
  case list(Int)
  /// One record (a quantifier's bound variable).
  case record(Int)
}
