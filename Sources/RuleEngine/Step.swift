import RuleDiagnostics

/// One step of the evaluation plan.
public enum Step: Sendable, Hashable {
  /// Evaluate rule `i`.
  case rule(Int)
  /// Every rule deriving this finding slot has run: fix its value.
  case derived(Int)
  /// Every rule suggesting or excluding a value of this output has run: pick its values.
  case output(Int)
}
