/// Receives what evaluation reads, for explanations; the no-op tracer costs nothing.
package protocol EvaluationTracer {
  /// A finding or field (the node) was read with this value; `element` is the list element for a
  /// field of a quantifier's record.
  mutating func read(_ node: Node, _ value: Value, element: Int?)
}
