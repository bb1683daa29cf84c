import RuleDiagnostics

/// Records what one condition reads.
struct RecordingTracer: EvaluationTracer {
  var reads: [(node: Node, value: Value, element: Int?)] = []

  mutating func read(_ node: Node, _ value: Value, element: Int?) {
    reads.append((node, value, element))
  }
}
