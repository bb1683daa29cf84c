/// Records what one condition reads: the reading instruction, the value and the element. The
/// reads are kept as indices so that recording copies no node; what a read is called is looked up
/// only when it becomes an observation.
struct RecordingTracer: EvaluationTracer {
  var reads: [(instruction: Int, value: Value, element: Int?)] = []

  mutating func read(_ instruction: Int, _ value: Value, element: Int?) {
    reads.append((instruction, value, element))
  }
}
