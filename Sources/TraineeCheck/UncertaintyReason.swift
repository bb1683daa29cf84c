import RuleDiagnostics
import RuleEngine

/// Why the engine's decision on a value is not settled.
public enum UncertaintyReason: String, Sendable, Hashable, Codable, CaseIterable {
  /// Undetermined rules (conditions unknown for lack of findings) could change whether the value
  /// is picked: `OutputResult.certainty` is unknown.
  case undetermined
  /// The value and a rival are within `FormulationComparison.closeCallMargin` points of each
  /// other where the output's `max` lets only one of them in.
  case closeCall = "close-call"
}
