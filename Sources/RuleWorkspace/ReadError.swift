public import RuleDiagnostics

/// A file or folder that could not be read at all (not there, a folder, unreadable, not text).
public struct ReadError: Error, CustomStringConvertible, Sendable {
  /// The file or folder, as the user gave it.
  public var path: String
  /// What is wrong, lowercase, no final period.
  public var reason: String

  /// Creates a read error.
  public init(path: String, reason: String) {
    self.path = path
    self.reason = reason
  }

  /// One line: `path: error: reason`.
  public var description: String { "\(path): error: \(reason)" }

  /// The same problem as a diagnostic at the start of the file.
  public var diagnostic: Diagnostic {
    Diagnostic(
      .error, code: .fileUnreadable, reason, at: SourceLocation(file: path, line: 1, column: 1),
      hint: "check the path, and that the file is a UTF-8 YAML text file")
  }
}
