/// A tracer that records nothing.
public struct NoTracer: EvaluationTracer {
  public init() {}
  @inline(__always) public mutating func read(_ node: Node, _ value: Value, element: Int?) {}
}
