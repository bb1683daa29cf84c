import RuleEngine

/// The members of one rule's JSON entry that depend only on the pack (its id, title, status,
/// citations, place and weight, and each condition's text and place), escaped and written as
/// compact JSON once per pack and then copied into every report that shows the rule. Keys are
/// written in sorted order, so the constant members come in runs between the per-case ones:
/// `cite`, `id`, `location`; `status`; `title`, `weight`; and in each premise `condition`,
/// `location`.
final class RuleJSONParts: Sendable {
  /// The rule's place in the pack.
  let index: Int
  /// The values the bytes were written from: an entry's bytes are copied only when its values are
  /// these (a comparison that usually finds the same storage and stops there).
  private let id: String
  private let title: String
  private let status: Rule.Status
  private let cite: [String]
  private let location: String
  private let weight: Double?
  private let conditions: [String]
  private let conditionLocations: [String]

  /// `"cite":[…],"id":"…","location":"…"`
  let citeIDLocation: [UInt8]
  /// `"status":"…"`
  let statusMember: [UInt8]
  /// `"title":"…"`, then `,"weight":…` when the rule suggests.
  let titleWeight: [UInt8]
  /// `"condition":"…","location":"…"` for each condition, in order.
  private let premiseMembers: [[UInt8]]

  /// The parts of the entry of `rule`, the pack's rule at `index`, written at `location`, whose
  /// conditions are written at `conditionLocations`.
  init(rule: Rule, index: Int, location: String, conditionLocations: [String]) {
    self.index = index
    let weight = rule.actions.suggest.isEmpty ? nil : rule.actions.weight
    let conditions = rule.conditions.map(\.text)
    id = rule.id
    title = rule.title
    status = rule.status
    cite = rule.cite
    self.location = location
    self.weight = weight
    self.conditions = conditions
    self.conditionLocations = conditionLocations
    citeIDLocation = JSONStream.members { w in
      w.key("cite")
      w.strings(rule.cite)
      w.member("id", rule.id)
      w.member("location", location)
    }
    statusMember = JSONStream.members { w in w.member("status", rule.status.rawValue) }
    titleWeight = JSONStream.members { w in
      w.member("title", rule.title)
      if let weight {
        w.key("weight")
        w.number(weight)
      }
    }
    premiseMembers = zip(conditions, conditionLocations).map { text, place in
      JSONStream.members { w in
        w.member("condition", text)
        w.member("location", place)
      }
    }
  }

  /// Whether `entry`'s pack-dependent values are the ones these bytes were written from.
  func matches(_ entry: Report.RuleInfo) -> Bool {
    entry.id == id && entry.title == title && entry.status == status && entry.cite == cite
      && entry.location == location && entry.weight == weight
  }

  /// The members of the premise at `position` written before, when it is the rule's condition
  /// there, written at the same place.
  func premiseMembers(at position: Int, for premise: Report.PremiseInfo) -> [UInt8]? {
    guard position < premiseMembers.count, premise.condition == conditions[position],
      premise.location == conditionLocations[position]
    else { return nil }
    return premiseMembers[position]
  }

  /// The parts carried by a rule entry. A cache of bytes made from the entry's own values, not a
  /// value of it: every attachment is equal to every other and hashes to nothing, so entries
  /// compare and hash by their values alone.
  struct Attachment: Sendable, Hashable {
    /// The parts, or nil for an entry made elsewhere (decoded, or built by hand).
    let parts: RuleJSONParts?

    /// No parts.
    init() { parts = nil }

    /// `parts`.
    init(_ parts: RuleJSONParts) { self.parts = parts }

    static func == (lhs: Self, rhs: Self) -> Bool { true }

    func hash(into hasher: inout Hasher) {}
  }
}
