import RuleDiagnostics
import RuleEngine

/// How one value compares between the trainee's formulation and the engine.
public enum Verdict: String, Sendable, Hashable, Codable, CaseIterable {
  /// Both the trainee and the engine chose it.
  case agreed
  /// The engine picks it and the trainee did not choose it.
  case missed
  /// The trainee chose it and the engine does not pick it (and did not exclude it).
  case unsupported
  /// The trainee chose it and a fired rule excluded it (a contraindication).
  case contested
  /// The trainee and the engine differ, but the engine's own decision is not settled (see
  /// `FormulationComparison.closeCallMargin` and `UncertaintyReason`): not counted as a mistake.
  case uncertain
}
