/// The result for one output.
public struct OutputResult: Sendable, Hashable {
  /// Evidence per value (sum of weights of fired rules suggesting it).
  public var weights: [Double]
  /// The status of each value.
  public var statuses: [ValueStatus]
  /// Picked values, best first.
  public var picked: [Int]
  /// The truth of `output picked value` in conditions (design section 3): true when picked;
  /// false when not picked and no undetermined rule could add evidence to it; else unknown.
  public var pickedTruth: [Truth]
  /// Whether each value's status is settled: true (surely picked), false (surely not picked), or
  /// unknown when deciding the undetermined rules could change it.
  public var certainty: [Truth]
  /// For each value, the fired rules that excluded it.
  public var excludedBy: [[Int]]
}
