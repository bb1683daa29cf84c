/// What a pack change does to a corpus of cases (`ipt diff OLD NEW --cases DIR`, schema
/// `ipt-advisor/diff/1`): every case whose picks, provisional status or alerts changed, each with
/// the rules whose firing or weight caused it, and how the packs' rules differ.
public struct PackDiff: Codable, Sendable, Hashable {
  /// One side of the comparison.
  public struct PackSide: Codable, Sendable, Hashable {
    /// The folder, as given.
    public var folder: String
    /// The pack id.
    public var id: String
    /// Its version.
    public var version: String
    /// SHA-256 of its files.
    public var sha256: String
  }

  /// An output whose picks changed in one case. Picks are best first; a provisional pick (the
  /// engine's decision rests on unknown findings) ends with `?`.
  public struct OutputChange: Codable, Sendable, Hashable {
    /// The output's name.
    public var output: String
    /// The old pack's picks.
    public var old: [String]
    /// The new pack's picks.
    public var new: [String]
  }

  /// A rule whose firing or weight differs between the packs in one case.
  public struct RuleChange: Codable, Sendable, Hashable {
    /// The rule's id.
    public var rule: String
    /// What changed: `now fires`, `no longer fires`, `weight 3 -> 1`, `added`, `removed`, ...
    public var change: String
  }

  /// A case whose result changed (or that only one pack can read).
  public struct CaseChange: Codable, Sendable, Hashable {
    /// The case id.
    public var `case`: String
    /// The case file.
    public var file: String
    /// Outputs whose picks changed, in the new pack's order.
    public var outputs: [OutputChange]
    /// Alerts (`severity: id`) the new pack raises and the old did not.
    public var alertsRaised: [String]
    /// Alerts the old pack raised and the new does not: a safety change to read first.
    public var alertsDropped: [String]
    /// The rules that caused the change, by id.
    public var rules: [RuleChange]
    /// Why one of the packs cannot read the case (a vocabulary change), if so.
    public var unreadable: String?

    enum CodingKeys: String, CodingKey {
      case `case`, file, outputs, rules, unreadable
      case alertsRaised = "alerts_raised"
      case alertsDropped = "alerts_dropped"
    }
  }

  /// How the rule sets differ, whatever the cases.
  public struct PackChanges: Codable, Sendable, Hashable {
    /// Rules only in the new pack.
    public var added: [String]
    /// Rules only in the old pack.
    public var removed: [String]
    /// Rules in both whose conditions, actions, weight or status differ, with what differs.
    public var changed: [RuleChange]
  }

  /// `ipt-advisor/diff/1`.
  public var schema = "ipt-advisor/diff/1"
  /// The old pack.
  public var old: PackSide
  /// The new pack.
  public var new: PackSide
  /// Cases evaluated.
  public var cases: Int
  /// Cases whose result changed, in file order.
  public var changed: [CaseChange]
  /// Output name -> the number of cases whose picks of it changed.
  public var outputsChanged: [String: Int]
  /// Cases in which an alert was dropped.
  public var alertsDropped: Int
  /// Cases in which an alert was raised.
  public var alertsRaised: Int
  /// How the rules differ.
  public var rules: PackChanges
  /// Case files that neither pack can read, with the first error.
  public var invalid: [String]

  enum CodingKeys: String, CodingKey {
    case schema, old, new, cases, changed, rules, invalid
    case outputsChanged = "outputs_changed"
    case alertsDropped = "alerts_dropped"
    case alertsRaised = "alerts_raised"
  }
}
