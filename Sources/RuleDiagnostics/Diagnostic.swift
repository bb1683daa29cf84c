/// How serious a diagnostic is.
public enum Severity: String, Sendable, Codable, Comparable, CaseIterable {
  case note, warning, error

  private var rank: Int {
    switch self {
    case .note: 0
    case .warning: 1
    case .error: 2
    }
  }

  public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

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

/// A result that comes with diagnostics; `value` is nil exactly when there is an error.
public struct Diagnosed<Value> {
  /// The result, when there is no error.
  public var value: Value?
  /// Everything found while producing it, sorted.
  public var diagnostics: [Diagnostic]

  /// Wraps a value and its diagnostics; drops the value if any diagnostic is an error.
  public init(_ value: Value?, _ diagnostics: [Diagnostic]) {
    self.diagnostics = diagnostics.normalized()
    self.value = self.diagnostics.hasErrors ? nil : value
  }
}

extension Diagnosed: Sendable where Value: Sendable {}

/// Finds the closest names to a misspelt one, for "did you mean" hints.
public enum Suggest {
  /// The closest candidate within a small edit distance, if any.
  public static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
    let limit = max(1, min(3, word.count / 3 + 1))
    var best: (name: String, distance: Int)?
    for candidate in candidates {
      let distance = editDistance(word.lowercased(), candidate.lowercased())
      if distance <= limit, best.map({ distance < $0.distance || (distance == $0.distance && candidate < $0.name) }) ?? true {
        best = (candidate, distance)
      }
    }
    return best?.name
  }

  /// "did you mean 'x'?" or nil.
  public static func hint(for word: String, in candidates: some Sequence<String>) -> String? {
    closest(to: word, in: candidates).map { "did you mean '\($0)'?" }
  }

  /// Levenshtein distance with adjacent transpositions (optimal string alignment).
  public static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a.unicodeScalars)
    let b = Array(b.unicodeScalars)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous2 = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          current[j] = Swift.min(current[j], previous2[j - 2] + 1)
        }
      }
      previous2 = previous
      previous = current
    }
    return previous[b.count]
  }
}
