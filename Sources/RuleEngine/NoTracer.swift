/// A tracer that records nothing.
package struct NoTracer: EvaluationTracer {
  package init() {}
  @inline(__always) public mutating func read(_ node: Node, _ value: Value, element: Int?) {}
}
