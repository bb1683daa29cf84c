package import RuleDiagnostics

/// A whole pack as loaded, before checking.
package struct PackSyntax: Sendable {
  package var directory: String
  package var manifest: ManifestSyntax?
  package var findings: [FindingSyntax] = []
  package var outputs: [OutputSyntax] = []
  package var alerts: [AlertSyntax] = []
  package var constants: [ConstantSyntax] = []
  package var rules: [RuleSyntax] = []
  /// Every file of the pack, by path, for printing diagnostics.
  package var files: [SourceFile] = []

  package init(directory: String) { self.directory = directory }
}
