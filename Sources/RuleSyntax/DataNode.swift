public import RuleDiagnostics

/// A data value from a case or an inline test: the untyped YAML shape with locations.
public struct DataNode: Sendable {
  /// The shape.
  public indirect enum Kind: Sendable {
    case null
    /// A scalar; `quoted` is true for quoted strings, which never read as numbers or booleans.
    case scalar(String, quoted: Bool)
    case list([DataNode])
    case record([(key: Located<String>, value: DataNode)])
  }

  public var kind: Kind
  public var location: SourceLocation
}
