/// A result that comes with diagnostics; `value` is nil exactly when there is an error.
public struct Diagnosed<Value> {
  /// The result, when there is no error.
  public var value: Value?
  /// Everything found while producing it, sorted.
  public var diagnostics: [Diagnostic]

  /// Wraps a value and its diagnostics; drops the value if any diagnostic is an error.
  public init(_ value: Value?, _ diagnostics: [Diagnostic]) {
    self.diagnostics = diagnostics.normalized()
    self.value = self.diagnostics.hasErrors ? nil : value
  }
}

extension Diagnosed: Sendable where Value: Sendable {}
