package import RuleDiagnostics

/// `output: value` in an action or an expectation.
package struct OutputReference: Sendable {
  package var output: Located<String>
  package var value: Located<String>

  package init(output: Located<String>, value: Located<String>) {
    self.output = output
    self.value = value
  }
}
