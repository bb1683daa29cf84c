public import RuleDiagnostics

/// One value an output can take.
public struct OutputValueSyntax: Sendable {
  public var name: Located<String>
  public var label: String?
  public var description: String?
  public var cite: [Located<String>]
}

/// An output kind (focus, technique, variant, ...).
public struct OutputSyntax: Sendable {
  public var name: Located<String>
  public var title: Located<String>?
  public var max: Located<Int>?
  public var minWeight: Located<Double>?
  public var values: [OutputValueSyntax]
}
