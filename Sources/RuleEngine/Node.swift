package import RuleDiagnostics

/// A compiled expression: names resolved to slots, enum literals to indices, types checked.
/// `text` and `location` are kept only for explanations; evaluation never reads them.
package struct Node: Sendable, Hashable {
  /// Comparison operators.
  package enum Comparison: String, Sendable, Hashable {
    case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">"
    case greaterEqual = ">="
  }

  /// Arithmetic operators.
  package enum Arithmetic: String, Sendable, Hashable {
    case add = "+", subtract = "-", multiply = "*", divide = "/"
  }

  /// Quantifiers.
  package enum Quantifier: String, Sendable, Hashable {
    case some, no, every, count
  }

  /// Aggregates over a list of records.
  package enum Aggregate: String, Sendable, Hashable, CaseIterable {
    case min, max, sum, average, first, last
  }

  /// How a set is tested.
  package enum SetTest: String, Sendable, Hashable {
    case any, all
  }

  /// The operation.
  package indirect enum Kind: Sendable, Hashable {
    case constant(Value)
    case finding(Int)
    /// A quantifier's bound record.
    case local(Int)
    case field(local: Int, field: Int)
    case known(Node, Bool)
    case not(Node)
    case and([Node])
    case or([Node])
    case compare(Comparison, Node, Node)
    case between(Node, Node, Node, negated: Bool)
    case member(Node, [Value], negated: Bool)
    case has(Node, SetTest, EnumSet)
    case arithmetic(Arithmetic, Node, Node)
    case negate(Node)
    case quantifier(Quantifier, local: Int, list: Node, body: Node?)
    /// `min(value for x in list where filter)`; `range` is what an unknown result ranges over.
    case aggregate(
      Aggregate, local: Int, list: Node, value: Node, filter: Node?, range: ClosedRange<Double>?)
    case picked(output: Int, value: Int)
  }

  package var kind: Kind
  package var type: ValueType
  /// The source text of this sub-expression.
  package var text: String
  package var location: SourceLocation

  package init(_ kind: Kind, type: ValueType, text: String, location: SourceLocation) {
    self.kind = kind
    self.type = type
    self.text = text
    self.location = location
  }
}
