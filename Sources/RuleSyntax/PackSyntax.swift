public import RuleDiagnostics

/// A whole pack as loaded, before checking.
public struct PackSyntax: Sendable {
  public var directory: String
  public var manifest: ManifestSyntax?
  public var findings: [FindingSyntax] = []
  public var outputs: [OutputSyntax] = []
  public var alerts: [AlertSyntax] = []
  public var constants: [ConstantSyntax] = []
  public var rules: [RuleSyntax] = []
  /// Every file of the pack, by path, for printing diagnostics.
  public var files: [SourceFile] = []

  public init(directory: String) { self.directory = directory }
}
