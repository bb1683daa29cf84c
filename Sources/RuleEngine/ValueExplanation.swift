import RuleDiagnostics

/// The explanation of one value of an output.
public struct ValueExplanation: Sendable, Hashable {
  /// The value, by index into the output's values.
  public var value: Int
  /// Its evidence.
  public var weight: Double
  /// Picked, excluded, below threshold or outranked.
  public var status: ValueStatus
  /// Whether the status is settled (see `OutputResult.certainty`).
  public var certainty: Truth
  /// Fired rules with positive weight.
  public var supporting: [Int]
  /// Fired rules with negative weight.
  public var opposing: [Int]
  /// Fired rules that exclude it.
  public var excludedBy: [Int]
  /// For a picked value: the values it outranks; for an outranked value: the picked values above it.
  public var outrankedBy: [Int]
  /// Rules that would support it but did not fire, nearest first.
  public var nearMisses: [NearMiss]
  /// Findings whose answers could change whether it is picked.
  public var missing: [Int]
}
