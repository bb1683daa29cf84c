public import RuleDiagnostics

/// One pack test.
public struct TestSyntax: Sendable {
  public var name: Located<String>
  /// A case file path, relative to the test file.
  public var casePath: Located<String>?
  /// Inline findings.
  public var findings: [(name: Located<String>, value: DataNode)]?
  public var picked: [OutputReference]
  public var notPicked: [OutputReference]
  public var onlyPicked: [(output: Located<String>, values: [Located<String>])]
  public var alerts: [Located<String>]
  public var noAlerts: [Located<String>]
  public var fired: [Located<String>]
  public var notFired: [Located<String>]
  public var derived: [(finding: Located<String>, truth: Located<String>)]
  /// Whether the suggestions must be deferred pending safety (a critical alert fired).
  public var deferred: Located<Bool>?
  public var location: SourceLocation
  public var file: SourceFile
}
