package import RuleDiagnostics

/// A parsed condition expression. `span` is the range of Unicode-scalar offsets in the expression
/// text; `location` is where that range starts in the file.
package struct Expression: Sendable, Hashable {
  /// Binary operators.
  package enum BinaryOperator: String, Sendable, Hashable {
    case and, or
    case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">"
    case greaterEqual = ">="
    case add = "+", subtract = "-", multiply = "*", divide = "/"

    /// Whether the operator compares two values.
    package var isComparison: Bool {
      switch self {
      case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual: true
      default: false
      }
    }

    /// Whether the operator is arithmetic.
    package var isArithmetic: Bool {
      switch self {
      case .add, .subtract, .multiply, .divide: true
      default: false
      }
    }
  }

  /// Quantifiers over lists of records.
  package enum Quantifier: String, Sendable, Hashable {
    case some, no, every, count
  }

  /// Aggregates over a list of records: `min(e.phq9 for e in sessions where ...)`.
  package enum Aggregate: String, Sendable, Hashable, CaseIterable {
    case min, max, sum, average, first, last
  }

  /// The units of a date difference: `days_between(a, b)`, `weeks_between`, `months_between`.
  package enum DateUnit: String, Sendable, Hashable, CaseIterable {
    case days, weeks, months
  }

  /// How `has` tests a set.
  package enum HasMode: String, Sendable, Hashable {
    case one, any, all
  }

  /// The shape of the expression.
  package indirect enum Kind: Sendable, Hashable {
    case number(Double)
    case string(String)
    case boolean(Bool)
    /// A dotted name: `age`, `e.kind`.
    case path([String])
    case list([Expression])
    /// `known(x)` (true) or `unknown(x)` (false).
    case known(Expression, Bool)
    case quantifier(Quantifier, variable: Located<String>, list: Expression, body: Expression?)
    /// `min(VALUE for x in LIST where FILTER)` and the other aggregates.
    case aggregate(
      Aggregate, value: Expression, variable: Located<String>, list: Expression,
      filter: Expression?)
    /// `days_between(a, b)`: `b` minus `a` in the unit.
    case dateDifference(DateUnit, Expression, Expression)
    case not(Expression)
    case negate(Expression)
    case binary(BinaryOperator, Expression, Expression)
    /// `a is b` / `a is not b`.
    case `is`(Expression, Expression, negated: Bool)
    case between(Expression, Expression, Expression, negated: Bool)
    case `in`(Expression, Expression, negated: Bool)
    case has(Expression, HasMode, Expression)
    /// `output picked value`.
    case picked(Expression, Located<String>)
  }

  /// The shape.
  package var kind: Kind
  /// Unicode-scalar offsets in the expression text.
  package var span: Range<Int>
  /// Where the expression starts in its file.
  package var location: SourceLocation

  /// Creates an expression node.
  package init(_ kind: Kind, span: Range<Int>, location: SourceLocation) {
    self.kind = kind
    self.span = span
    self.location = location
  }

  /// The dotted name, when this is a path.
  package var path: [String]? {
    if case .path(let parts) = kind { return parts }
    return nil
  }
}
