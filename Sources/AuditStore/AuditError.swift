/// Why an audit store could not be used or a record not written: one line for the user, and the
/// exit code the command ends with (2 for a store that is not usable, 1 for a chain that does not
/// verify or a replay that differs, 64 for a request that names no record).
public struct AuditError: Error, Sendable, CustomStringConvertible {
  /// The store's path, as given.
  public var path: String
  /// What is wrong, lowercase, no final period.
  public var reason: String
  /// How to fix it, when there is something to say.
  public var hint: String?

  /// Creates an error about the store at `path`.
  public init(path: String, reason: String, hint: String? = nil) {
    self.path = path
    self.reason = reason
    self.hint = hint
  }

  /// `path: error: reason (hint)` on one line.
  public var description: String {
    "\(path): error: \(reason)" + (hint.map { " (\($0))" } ?? "")
  }

  static func notAStore(_ path: String) -> AuditError {
    AuditError(
      path: path, reason: "not an ipt audit store (a SQLite database with other tables)",
      hint: "give the path of an audit store, or a new file to start one")
  }

  static func newerSchema(_ path: String, _ schema: String) -> AuditError {
    AuditError(
      path: path,
      reason:
        "the audit store was written by a newer ipt (schema \(schema), this ipt reads up to \(AuditSchema.version))",
      hint: "use a newer ipt")
  }

  static func unreadable(_ path: String, _ message: String) -> AuditError {
    AuditError(
      path: path, reason: "cannot read the audit store: \(message)",
      hint: "the file is not a SQLite database, or it is damaged; restore it from a copy")
  }

  static func absent(_ path: String) -> AuditError {
    AuditError(
      path: path, reason: "no audit store here",
      hint: "runs are recorded with 'ipt evaluate --audit PATH --by NAME'")
  }

  static func noRecord(_ path: String, _ seq: Int64) -> AuditError {
    AuditError(path: path, reason: "no record \(seq) in the audit store")
  }
}
