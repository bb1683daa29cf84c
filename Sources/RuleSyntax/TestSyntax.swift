package import RuleDiagnostics

/// One pack test.
package struct TestSyntax: Sendable {
  package var name: Located<String>
  /// A case file path, relative to the test file.
  package var casePath: Located<String>?
  /// Inline findings.
  package var findings: [(name: Located<String>, value: DataNode)]?
  package var picked: [OutputReference]
  package var notPicked: [OutputReference]
  package var onlyPicked: [(output: Located<String>, values: [Located<String>])]
  package var alerts: [Located<String>]
  package var noAlerts: [Located<String>]
  package var fired: [Located<String>]
  package var notFired: [Located<String>]
  package var derived: [(finding: Located<String>, truth: Located<String>)]
  /// Whether the suggestions must be deferred pending safety (a critical alert fired).
  package var deferred: Located<Bool>?
  /// Values that must be picked provisionally: some unknown finding could still change it.
  package var provisional: [OutputReference] = []
  /// Values that must be picked whatever the unknown findings turn out to be.
  package var settled: [OutputReference] = []
  /// The finding that must come first in "what to ask next".
  package var askFirst: Located<String>?
  /// Findings that must be among the questions of "what to ask next".
  package var asks: [Located<String>] = []
  /// Rules that must not fire and be among the three nearest misses of a value they suggest.
  package var nearMiss: [Located<String>] = []
  /// Draft rules that release mode must leave out.
  package var skipped: [Located<String>] = []
  /// Rules that must fire with a `because` containing the text.
  package var because: [(rule: Located<String>, text: Located<String>)] = []
  package var location: SourceLocation
  package var file: SourceFile
}
