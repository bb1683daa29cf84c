/// What a report says under each derived finding a condition read: the rules that concluded it
/// (or failed to), with their results, and the filled-in `because` of each that concluded it.
/// Every condition reading the same derived finding shows the same notes, so they are made once
/// per report, by finding slot.
struct DerivationNotes {
  /// The notes of one derived finding.
  struct Notes {
    /// `rule-id (result)` for each deriving rule.
    var derivedBy: [String]
    /// The filled-in `because` of each deriving rule that fired; nil when none did.
    var derivedBecause: [String]?
  }

  private var notes: [Notes?]

  /// No notes made yet, for a pack with `findingCount` finding slots.
  init(findingCount: Int) { notes = Array(repeating: nil, count: findingCount) }

  /// The notes of the finding in `slot`, made by `make` the first time they are asked for.
  mutating func notes(for slot: Int, make: () -> Notes) -> Notes {
    if let made = notes[slot] { return made }
    let made = make()
    notes[slot] = made
    return made
  }
}
