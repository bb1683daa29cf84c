package import RuleDiagnostics

/// One value an output can take.
package struct OutputValueSyntax: Sendable {
  package var name: Located<String>
  package var label: String?
  package var description: String?
  package var cite: [Located<String>]
}

/// An output kind (focus, technique, variant, ...).
package struct OutputSyntax: Sendable {
  package var name: Located<String>
  package var title: Located<String>?
  package var max: Located<Int>?
  package var minWeight: Located<Double>?
  package var values: [OutputValueSyntax]
}
