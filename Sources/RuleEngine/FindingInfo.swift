public import RuleDiagnostics

/// A finding, resolved to its slot (its index in `Program.findings`).
public struct FindingInfo: Sendable, Hashable {
  /// The finding's name.
  public let name: String
  /// The finding's type.
  public let type: ValueType
  /// The declared range, for numbers.
  public let range: ClosedRange<Double>?
  /// The declared unit, for numbers.
  public let unit: String?
  /// What the finding records.
  public let description: String
  /// The question an assessor asks to learn it (nil for derived findings).
  public let ask: String?
  /// Whether rules conclude it (a case cannot give it).
  public let derived: Bool
  /// Where it is declared in the pack.
  public let location: SourceLocation
  /// Where its question ranks in "what to ask next" among questions of the same kind (higher
  /// first; then the declared order).
  public let priority: Int
  /// The part of a case file it is written in: `course` (the course of therapy) or nil for
  /// `findings`.
  public let section: String?
  /// Named bands of a score, lowest first: each label with the score it starts at.
  public let bands: [ScoreBand]

  package init(
    name: String, type: ValueType, range: ClosedRange<Double>?, unit: String?,
    description: String, ask: String?, derived: Bool, location: SourceLocation, priority: Int = 0,
    section: String? = nil, bands: [ScoreBand] = []
  ) {
    self.priority = priority
    self.section = section
    self.bands = bands
    self.name = name
    self.type = type
    self.range = range
    self.unit = unit
    self.description = description
    self.ask = ask
    self.derived = derived
    self.location = location
  }
}
