package import RuleDiagnostics

/// A data value from a case or an inline test: the untyped YAML shape with locations.
package struct DataNode: Sendable {
  /// The shape.
  package indirect enum Kind: Sendable {
    case null
    /// A scalar; `quoted` is true for quoted strings, which never read as numbers or booleans.
    case scalar(String, quoted: Bool)
    case list([DataNode])
    case record([(key: Located<String>, value: DataNode)])
  }

  package var kind: Kind
  package var location: SourceLocation
}
