import RuleEngine

/// What one report has already made for the observations of each finding slot. A finding outside
/// a list reads the same in every condition that reads it (`phq9 = 17 at case.yaml:12:9`), so
/// its entry is made once per report; a derived finding's notes (the rules that concluded it, or
/// failed to, with their results, and the filled-in `because` of each that concluded it) too.
struct ObservationMemo {
  /// The notes of one derived finding.
  struct Notes {
    /// `rule-id (result)` for each deriving rule.
    var derivedBy: [String]
    /// The filled-in `because` of each deriving rule that fired; nil when none did.
    var derivedBecause: [String]?
  }

  private var notes: [Notes?]
  private var entries: [(observation: Observation, info: Report.ObservationInfo)?]

  /// Nothing made yet, for a pack with `findingCount` finding slots.
  init(findingCount: Int) {
    notes = Array(repeating: nil, count: findingCount)
    entries = Array(repeating: nil, count: findingCount)
  }

  /// The notes of the derived finding in `slot`, made by `make` the first time they are asked
  /// for.
  mutating func notes(for slot: Int, make: () -> Notes) -> Notes {
    if let made = notes[slot] { return made }
    let made = make()
    notes[slot] = made
    return made
  }

  /// The entry made before for the same observation of a finding outside a list, if any.
  func entry(for observation: Observation) -> Report.ObservationInfo? {
    guard observation.element == nil, let made = entries[observation.slot],
      made.observation == observation
    else { return nil }
    return made.info
  }

  /// Keeps the entry made for an observation of a finding outside a list.
  mutating func record(_ observation: Observation, entry: Report.ObservationInfo) {
    guard observation.element == nil else { return }
    entries[observation.slot] = (observation, entry)
  }
}
