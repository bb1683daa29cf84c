package import RuleDiagnostics

/// A case file.
package struct CaseSyntax: Sendable {
  package var id: Located<String>
  package var date: Located<String>?
  package var assessor: String?
  /// Where a case written from a published description comes from (kept, never evaluated).
  package var source: String?
  package var findings: [(name: Located<String>, value: DataNode)]
  /// The course of therapy (`course:`): findings the vocabulary places in that section.
  package var course: [(name: Located<String>, value: DataNode)] = []
  /// Where the `course:` section starts, when there is one.
  package var courseLocation: SourceLocation? = nil
  package var notes: String?
  package var file: SourceFile
}
