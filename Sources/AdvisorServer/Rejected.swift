/// What a request gets instead of a value (its diagnostics, a reply, a message), so that
/// `Result` can carry it.
struct Rejected<Value: Sendable>: Error {
  var value: Value

  init(_ value: Value) { self.value = value }
}
