/// One problem found in a pack, case, formulation or test file.
///
/// Every diagnostic has a stable kebab-case `code` documented in `docs/diagnostics.md`.
public struct Diagnostic: Sendable, Hashable, Codable {
  /// A related place, shown under the diagnostic.
  public struct Note: Sendable, Hashable, Codable {
    /// What the related place is.
    public var message: String
    /// Where it is, when known.
    public var location: SourceLocation?

    /// Creates a note.
    public init(_ message: String, at location: SourceLocation? = nil) {
      self.message = message
      self.location = location
    }
  }

  /// Error, warning or note.
  public var severity: Severity
  /// Stable code, printed kebab-case, such as `unknown-finding`.
  public var code: DiagnosticCode
  /// One line, lowercase, no final period; user text in 'quotes'.
  public var message: String
  /// Where the problem is.
  public var location: SourceLocation
  /// How to fix it, when known (for example "did you mean 'phq9'?").
  public var hint: String?
  /// Related places.
  public var notes: [Note]

  /// Creates a diagnostic.
  public init(
    _ severity: Severity, code: DiagnosticCode, _ message: String, at location: SourceLocation,
    hint: String? = nil, notes: [Note] = []
  ) {
    self.severity = severity
    self.code = code
    self.message = message
    self.location = location
    self.hint = hint
    self.notes = notes
  }
}

extension Diagnostic: Comparable {
  /// Diagnostics sort by file, line, column, then code and message, so output is stable.
  public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
    if lhs.location != rhs.location { return lhs.location < rhs.location }
    if lhs.code != rhs.code { return lhs.code < rhs.code }
    return lhs.message < rhs.message
  }
}

extension [Diagnostic] {
  /// Whether any diagnostic is an error.
  public var hasErrors: Bool { contains { $0.severity == .error } }

  /// Sorted, with exact repeats removed.
  public func normalized() -> [Diagnostic] {
    var seen = Set<Diagnostic>()
    return sorted().filter { seen.insert($0).inserted }
  }
}
