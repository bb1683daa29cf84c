public import RuleDiagnostics

/// A parsed condition expression. `span` is the range of Unicode-scalar offsets in the expression
/// text; `location` is where that range starts in the file.
public struct Expression: Sendable, Hashable {
  /// Binary operators.
  public enum BinaryOperator: String, Sendable, Hashable {
    case and, or
    case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">"
    case greaterEqual = ">="
    case add = "+", subtract = "-", multiply = "*", divide = "/"

    /// Whether the operator compares two values.
    public var isComparison: Bool {
      switch self {
      case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual: true
      default: false
      }
    }

    /// Whether the operator is arithmetic.
    public var isArithmetic: Bool {
      switch self {
      case .add, .subtract, .multiply, .divide: true
      default: false
      }
    }
  }

  /// Quantifiers over lists of records.
  public enum Quantifier: String, Sendable, Hashable {
    case some, no, every, count
  }

  /// How `has` tests a set.
  public enum HasMode: String, Sendable, Hashable {
    case one, any, all
  }

  /// The shape of the expression.
  public indirect enum Kind: Sendable, Hashable {
    case number(Double)
    case string(String)
    case boolean(Bool)
    /// A dotted name: `age`, `e.kind`.
    case path([String])
    case list([Expression])
    /// `known(x)` (true) or `unknown(x)` (false).
    case known(Expression, Bool)
    case quantifier(Quantifier, variable: Located<String>, list: Expression, body: Expression?)
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
  public var kind: Kind
  /// Unicode-scalar offsets in the expression text.
  public var span: Range<Int>
  /// Where the expression starts in its file.
  public var location: SourceLocation

  /// Creates an expression node.
  public init(_ kind: Kind, span: Range<Int>, location: SourceLocation) {
    self.kind = kind
    self.span = span
    self.location = location
  }

  /// The dotted name, when this is a path.
  public var path: [String]? {
    if case .path(let parts) = kind { return parts }
    return nil
  }
}
