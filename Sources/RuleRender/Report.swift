public import RuleEngine

/// The explanation of one evaluation, with every template filled and every name resolved: the
/// single model that the document, Markdown, HTML and JSON renderers print. Its JSON form
/// (schema `ipt-advisor/evaluation/1`) is documented in docs/output.md.
public struct Report: Codable, Sendable, Hashable {
  /// The pack a report came from.
  public struct PackInfo: Codable, Sendable, Hashable {
    /// The pack id, as in its manifest.
    public var id: String
    /// The pack version.
    public var version: String
    /// The pack's title.
    public var title: String
    /// SHA-256 of the pack's files.
    public var sha256: String
    /// The mode used: full (every rule) or release (reviewed rules and what safety needs).
    public var mode: PackMode
    /// The mode the pack asks for by default.
    public var defaultMode: PackMode
    /// In release mode, how many draft rules were left out (absent in full mode).
    public var skippedRules: Int?

    enum CodingKeys: String, CodingKey {
      case id, version, title, sha256, mode
      case defaultMode = "default_mode"
      case skippedRules = "skipped_rules"
    }

    /// The identity of a compiled pack.
    public init(_ identity: PackIdentity) {
      id = identity.id
      version = identity.version
      title = identity.title
      sha256 = identity.sha256
      mode = identity.mode
      defaultMode = identity.defaultMode
      skippedRules = identity.mode == .release ? identity.skippedRules.count : nil
    }

    /// Reads a pack entry; one written before modes existed was in full mode.
    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      id = try c.decode(String.self, forKey: .id)
      version = try c.decode(String.self, forKey: .version)
      title = try c.decode(String.self, forKey: .title)
      sha256 = try c.decode(String.self, forKey: .sha256)
      mode = try c.decodeIfPresent(PackMode.self, forKey: .mode) ?? .full
      defaultMode = try c.decodeIfPresent(PackMode.self, forKey: .defaultMode) ?? .full
      skippedRules = try c.decodeIfPresent(Int.self, forKey: .skippedRules)
    }

    /// How the mode reads in a report's header: `full mode (the pack's default)`, or
    /// `release mode: 21 draft rules skipped (the pack's default is full)`.
    public var modeText: String {
      let skipped =
        skippedRules.map { ": \($0) draft rule\($0 == 1 ? "" : "s") skipped" } ?? ""
      return mode == defaultMode
        ? "\(mode.rawValue) mode\(skipped) (the pack's default)"
        : "\(mode.rawValue) mode\(skipped) (the pack's default is \(defaultMode.rawValue))"
    }
  }

  /// The case a report is about.
  public struct CaseInfo: Codable, Sendable, Hashable {
    /// The case id.
    public var id: String
    /// The case file, as given.
    public var file: String
    /// SHA-256 of the case file's bytes.
    public var sha256: String

    /// The identity of a checked case.
    public init(_ facts: CaseFacts) {
      id = facts.caseID
      file = facts.file
      sha256 = facts.sha256
    }
  }

  /// A value a condition read.
  public struct ObservationInfo: Codable, Sendable, Hashable {
    /// As written in the condition; fields of list elements as `list[index].field`.
    public var name: String
    /// The value, as text.
    public var value: String
    /// `file:line:column` in the case, when the value was written there.
    public var source: String?
    /// For a derived finding: the rules that concluded it (or failed to), with their results.
    public var derivedBy: [String]?
    /// For a derived finding that holds: the filled-in `because` of each rule that concluded it.
    public var derivedBecause: [String]?
    /// True when the value was known only as a range (partly known, or unknown over its declared
    /// range): the condition then held, or failed, for every possible value. Absent otherwise.
    public var ranged: Bool?

    enum CodingKeys: String, CodingKey {
      case name, value, source, ranged
      case derivedBy = "derived_by"
      case derivedBecause = "derived_because"
    }
  }

  /// One `when:` item of a rule, evaluated.
  public struct PremiseInfo: Codable, Sendable, Hashable {
    /// The condition as written.
    public var condition: String
    /// Whether it held.
    public var truth: Truth
    /// Where it is written in the pack.
    public var location: String
    /// The values it read.
    public var observed: [ObservationInfo]
  }

  /// A quantifier variable bound to the list element that made a fired rule true.
  public struct BindingInfo: Codable, Sendable, Hashable {
    /// The variable's name.
    public var name: String
    /// The element, as text.
    public var value: String
    /// Where the element is written in the case.
    public var source: String?
  }

  /// A rule and how it came out.
  public struct RuleInfo: Codable, Sendable, Hashable {
    /// The rule id.
    public var id: String
    /// The rule's title.
    public var title: String
    /// Fired, failed or undetermined.
    public var result: RuleResult
    /// The weight of its suggestions, when it suggests.
    public var weight: Double?
    /// Its filled-in rationale, only when it fired.
    public var because: String?
    /// What it teaches a trainee.
    public var teach: String?
    /// Draft, reviewed or retired.
    public var status: Rule.Status
    /// Citation keys.
    public var cite: [String]
    /// Where it is written in the pack.
    public var location: String
    /// Its conditions, evaluated (empty when details are not asked for).
    public var premises: [PremiseInfo]
    /// Its bound variables.
    public var bindings: [BindingInfo]
    /// Findings whose absence left the rule undetermined.
    public var missing: [String]
    /// The entry's pack-dependent members as JSON bytes made once per pack, when the report
    /// builder made the entry; not part of its value.
    var packJSON = RuleJSONParts.Attachment()

    enum CodingKeys: String, CodingKey {
      case id, title, result, weight, because, teach, status, cite, location, premises, bindings
      case missing
    }
  }

  /// A fired alert.
  public struct AlertEntry: Codable, Sendable, Hashable {
    /// The alert's name.
    public var id: String
    /// Info, warning or critical.
    public var severity: AlertSeverity
    /// What to do.
    public var label: String
    /// Why it matters.
    public var description: String?
    /// The fired rules that raised it.
    public var raisedBy: [RuleInfo]

    enum CodingKeys: String, CodingKey {
      case id, severity, label, description
      case raisedBy = "raised_by"
    }
  }

  /// An alert that did not fire but could, if unknown findings were known.
  public struct PossibleAlertEntry: Codable, Sendable, Hashable {
    /// The alert's name.
    public var id: String
    /// Info, warning or critical.
    public var severity: AlertSeverity
    /// What to do.
    public var label: String
    /// The undetermined rules that could raise it.
    public var rules: [String]
    /// The findings that decide them.
    public var missing: [String]
  }

  /// One value of an output and why it has its status.
  public struct ValueEntry: Codable, Sendable, Hashable {
    /// The value's name.
    public var name: String
    /// The value's label.
    public var label: String
    /// Picked, excluded, below threshold or outranked.
    public var status: ValueStatus.Kind
    /// 1-based rank when picked.
    public var rank: Int?
    /// Evidence: the sum of the weights of the fired rules that suggest it.
    public var weight: Double
    /// True (surely picked), false (surely not), unknown when undetermined rules could change it.
    public var certain: Truth
    /// Fired rules with positive weight.
    public var supporting: [RuleInfo]
    /// Fired rules with negative weight.
    public var opposing: [RuleInfo]
    /// Fired rules that exclude it.
    public var excludedBy: [RuleInfo]
    /// For an outranked value, the picked values above it.
    public var outrankedBy: [String]
    /// Up to three rules that would support it but did not fire, nearest first.
    public var nearMisses: [RuleInfo]
    /// Findings whose answers could change its status.
    public var missing: [String]
    /// True for a picked value that undetermined rules could still remove. Absent otherwise.
    public var provisional: Bool?
    /// True for a value not picked (nor excluded) that undetermined rules could still bring in.
    /// Absent otherwise.
    public var possible: Bool?
    /// For a provisional or possible value: the findings whose answers would settle it, in the
    /// order of "what to ask next".
    public var settledBy: [String]?

    enum CodingKeys: String, CodingKey {
      case name, label, status, rank, weight, certain, supporting, opposing, missing, provisional
      case possible
      case excludedBy = "excluded_by"
      case outrankedBy = "outranked_by"
      case nearMisses = "near_misses"
      case settledBy = "settled_by"
    }
  }

  /// Why the last picked value rather than its closest rival.
  public struct CompetitionEntry: Codable, Sendable, Hashable {
    /// The picked value.
    public var picked: String
    /// The rival.
    public var rival: String
    /// Evidence of the picked value minus the rival's.
    public var gap: Double
    /// Evidence the rival needs to gain.
    public var needed: Double
    /// Unfired rules supporting the rival whose weight would be enough.
    public var flips: [RuleInfo]
  }

  /// One output of the pack.
  public struct OutputEntry: Codable, Sendable, Hashable {
    /// The output's name.
    public var name: String
    /// The output's title.
    public var title: String
    /// At most this many values are picked.
    public var max: Int?
    /// Evidence a value needs to be picked.
    public var minWeight: Double
    /// Picked values, best first.
    public var picked: [String]
    /// Every value, in declared order.
    public var values: [ValueEntry]
    /// Why A rather than B.
    public var competitions: [CompetitionEntry]

    enum CodingKeys: String, CodingKey {
      case name, title, max, picked, values, competitions
      case minWeight = "min_weight"
    }
  }

  /// An unknown finding worth asking about, and why.
  public struct QuestionEntry: Codable, Sendable, Hashable {
    /// The finding's name.
    public var finding: String
    /// The question to ask.
    public var ask: String
    /// Alerts the answer could raise, as `severity: id`.
    public var couldRaise: [String]
    /// Picks the answer could change, as `output: value`.
    public var couldChange: [String]
    /// Undetermined rules the answer decides.
    public var decidesRules: [String]

    enum CodingKeys: String, CodingKey {
      case finding, ask
      case couldRaise = "could_raise"
      case couldChange = "could_change"
      case decidesRules = "decides_rules"
    }
  }

  /// `ipt-advisor/evaluation/1`.
  public var schema: String
  /// The engine's version.
  public var engine: String
  /// Decision support, not a diagnosis.
  public var statement: String
  /// The pack.
  public var pack: PackInfo
  /// The case.
  public var `case`: CaseInfo
  /// Whether a critical alert fired: every suggestion is then deferred.
  public var deferredPendingSafety: Bool
  /// Fired alerts, most severe first.
  public var alerts: [AlertEntry]
  /// One entry per output of the pack, in declared order.
  public var outputs: [OutputEntry]
  /// Alerts that missing findings could raise.
  public var possibleAlerts: [PossibleAlertEntry]
  /// What to ask next, in order.
  public var askNext: [QuestionEntry]
  /// Ids of the rules that fired, sorted.
  public var fired: [String]
  /// Ids of the rules left undetermined by unknown findings, sorted.
  public var undetermined: [String]
  /// Every rule with its premises: only in a full trace (`ipt explain`).
  public var rules: [RuleInfo]?
  /// The course of therapy the case records (sessions and scores), when it records one.
  public var course: [CourseInfo]?
  /// In release mode, the skipped draft rules that would have fired on this case, sorted.
  public var wouldFire: [String]?

  enum CodingKeys: String, CodingKey {
    case schema, engine, statement, pack, `case`, alerts, outputs, fired, undetermined, rules
    case course
    case wouldFire = "would_fire"
    case deferredPendingSafety = "deferred_pending_safety"
    case possibleAlerts = "possible_alerts"
    case askNext = "ask_next"
  }
}
