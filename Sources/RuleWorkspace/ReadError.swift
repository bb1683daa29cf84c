public import RuleDiagnostics

/// A file or folder that could not be read at all (not there, a folder, unreadable, too large,
/// not UTF-8 text, or a link that leaves the folder it must stay in).
public struct ReadError: Error, CustomStringConvertible, Sendable {
  /// The file or folder, as the user gave it.
  public var path: String
  /// What is wrong, lowercase, no final period.
  public var reason: String
  /// The diagnostic code: `file-unreadable` unless the bytes were read and are not usable text.
  public var code: DiagnosticCode
  /// Where in the file the problem is (the first bad byte), when it is inside the file.
  public var line: Int
  /// The column (1-based, in characters) of the problem on `line`.
  public var column: Int
  /// How to fix it.
  public var hint: String

  /// Creates a read error at the start of the file.
  public init(
    path: String, reason: String, code: DiagnosticCode = .fileUnreadable, line: Int = 1,
    column: Int = 1, hint: String = "check the path, and that the file is a UTF-8 YAML text file"
  ) {
    self.path = path
    self.reason = reason
    self.code = code
    self.line = line
    self.column = column
    self.hint = hint
  }

  /// One line: `path: error: reason`, or `path:line:column: error: reason` inside the file.
  public var description: String {
    line == 1 && column == 1
      ? "\(path): error: \(reason)" : "\(path):\(line):\(column): error: \(reason)"
  }

  /// The same problem as a located diagnostic.
  public var diagnostic: Diagnostic {
    Diagnostic(
      .error, code: code, reason, at: SourceLocation(file: path, line: line, column: column),
      hint: hint)
  }
}
