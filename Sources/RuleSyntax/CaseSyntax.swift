public import RuleDiagnostics

/// A case file.
public struct CaseSyntax: Sendable {
  public var id: Located<String>
  public var date: String?
  public var assessor: String?
  public var findings: [(name: Located<String>, value: DataNode)]
  public var notes: String?
  public var file: SourceFile
}
