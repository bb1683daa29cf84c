package import RuleDiagnostics

/// A case file.
package struct CaseSyntax: Sendable {
  package var id: Located<String>
  package var date: Located<String>?
  package var assessor: String?
  package var findings: [(name: Located<String>, value: DataNode)]
  package var notes: String?
  package var file: SourceFile
}
