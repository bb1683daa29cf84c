/// The mutable state of one evaluation. Local to one call: nothing shared is mutated.
struct EvaluationState {
  var facts: [Value]
  var locals: [Record?]
  var localElements: [Int]
  var picked: [[Truth]]
  /// The shared leaf conditions worked out so far (nil: not yet), by `Code.leaves`; empty when
  /// they are not shared (while tracing, every read is recorded).
  var leaves: [Truth?] = []
}
