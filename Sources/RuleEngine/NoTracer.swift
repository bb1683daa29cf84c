/// A tracer that records nothing.
package struct NoTracer: EvaluationTracer {
  package init() {}
  @inline(__always) package mutating func read(_ instruction: Int, _ value: Value, element: Int?) {}
}
