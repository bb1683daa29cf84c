public import RuleDiagnostics

/// `output: value` in an action or an expectation.
public struct OutputReference: Sendable {
  public var output: Located<String>
  public var value: Located<String>

  public init(output: Located<String>, value: Located<String>) {
    self.output = output
    self.value = value
  }
}
