public import RuleDiagnostics
public import RuleWorkspace

/// A pack read, checked and compiled: the `Advisor` when it compiled without errors, and
/// everything found on the way with the files needed to print it.
public struct PackLoad: Sendable {
  /// Where the pack came from.
  public let folder: PackFolder
  /// The compiled pack, or nil when a diagnostic is an error.
  public let advisor: Advisor?
  /// Every problem found while loading, checking and compiling, sorted.
  public let diagnostics: [Diagnostic]
  /// Every file read, by path, so that diagnostics can show their source lines.
  public let sources: [String: SourceFile]
  /// How many rules the pack's files hold (also when it does not compile).
  public let ruleCount: Int
}
