/// The mutable state of one evaluation. Local to one call: nothing shared is mutated.
struct EvaluationState {
  var facts: [Value]
  var locals: [Record?]
  var localElements: [Int]
  var picked: [[Truth]]
}
