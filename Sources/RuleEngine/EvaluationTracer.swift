/// Receives what evaluation reads, for explanations; the no-op tracer costs nothing.
package protocol EvaluationTracer {
  /// A finding or field was read with this value by `instruction` (an index into `Code.nodes`,
  /// which holds what the condition calls it); `element` is the list element for a field of a
  /// quantifier's record.
  mutating func read(_ instruction: Int, _ value: Value, element: Int?)
}
