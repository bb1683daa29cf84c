public import RuleDiagnostics

/// A value read while evaluating a condition, with where it came from.
public struct Observation: Sendable, Hashable {
  /// As written in the condition: `phq9`, `e.months_ago`.
  public var name: String
  public var value: Value
  public var type: ValueType
  /// The finding slot read (for a field, the list finding's slot).
  public var slot: Int
  /// The list element, for a field of a record.
  public var element: Int?
  /// Where the value is written in the case file (nil when unknown or derived).
  public var origin: SourceLocation?
}

/// One top-level condition of a rule, evaluated.
public struct Premise: Sendable, Hashable {
  public var text: String
  public var location: SourceLocation
  public var truth: Truth
  public var observations: [Observation]
}

/// A quantifier variable bound to a list element when the rule fired.
public struct Binding: Sendable, Hashable {
  public var name: String
  /// The list finding's slot and the element index.
  public var slot: Int
  public var element: Int
  public var origin: SourceLocation?
}

/// How one rule came out for one case.
public struct RuleTrace: Sendable, Hashable {
  public var rule: Int
  public var truth: Truth
  public var premises: [Premise]
  public var bindings: [Binding]
  /// Base findings whose absence left the rule undetermined (through derived findings too).
  public var missing: [Int]

  /// Premises that are false.
  public var failed: [Premise] { premises.filter { $0.truth == .false } }
  /// Premises that are unknown.
  public var undetermined: [Premise] { premises.filter { $0.truth == .unknown } }
}

/// A rule that would have supported a value, and how far it was from firing.
public struct NearMiss: Sendable, Hashable {
  public var rule: Int
  public var failedCount: Int
  public var unknownCount: Int
}

/// The explanation of one value of an output.
public struct ValueExplanation: Sendable, Hashable {
  public var value: Int
  public var weight: Double
  public var status: ValueStatus
  /// Whether the status is settled (see `OutputResult.certainty`).
  public var certainty: Truth
  /// Fired rules with positive weight.
  public var supporting: [Int]
  /// Fired rules with negative weight.
  public var opposing: [Int]
  public var excludedBy: [Int]
  /// For a picked value: the values it outranks; for an outranked value: the picked values above it.
  public var outrankedBy: [Int]
  /// Rules that would support it but did not fire, nearest first.
  public var nearMisses: [NearMiss]
  /// Findings whose answers could change whether it is picked.
  public var missing: [Int]
}

/// The smallest changes that would let a rival value in ahead of a picked one.
public struct Competition: Sendable, Hashable {
  public var output: Int
  public var picked: Int
  public var rival: Int
  /// Evidence of the picked value minus the rival's.
  public var gap: Double
  /// Evidence the rival needs to gain to be picked.
  public var needed: Double
  /// Unfired rules supporting the rival whose weight would be enough, nearest first.
  public var flips: [NearMiss]
}

/// The explanation of one output.
public struct OutputExplanation: Sendable, Hashable {
  public var output: Int
  public var values: [ValueExplanation]
  public var competitions: [Competition]
}

/// An alert that might fire if unknown findings were known.
public struct PossibleAlert: Sendable, Hashable {
  public var alert: Int
  public var rules: [Int]
  public var missing: [Int]
}

/// A finding worth asking about next, and why.
public struct Question: Sendable, Hashable {
  public var slot: Int
  /// The most severe alert its answer could raise, if any.
  public var alertSeverity: AlertSeverity?
  /// Alerts its answer could raise.
  public var alerts: [Int]
  /// `(output, value)` picks its answer could change.
  public var picks: [OutputValue]
  /// Undetermined rules it decides.
  public var rules: [Int]
}

/// An output and one of its values.
public struct OutputValue: Sendable, Hashable, Comparable {
  public var output: Int
  public var value: Int

  public static func < (lhs: OutputValue, rhs: OutputValue) -> Bool {
    (lhs.output, lhs.value) < (rhs.output, rhs.value)
  }
}

/// EXPLAIN: everything a renderer needs to say how, why not, and what to ask next.
public struct Explanation: Sendable {
  public var caseID: String
  public var evaluation: Evaluation
  /// One trace per rule, in rule order.
  public var rules: [RuleTrace]
  public var outputs: [OutputExplanation]
  public var possibleAlerts: [PossibleAlert]
  public var askNext: [Question]
}
