public import RuleEngine
public import RuleRender

/// A trainee's formulation compared with the engine (`ipt check`), every name resolved and every
/// template filled: the model that the text, Markdown and JSON renderers print.
public struct CheckReport: Codable, Sendable, Hashable {
  /// The formulation file.
  public struct FormulationInfo: Codable, Sendable, Hashable {
    /// The trainee (pseudonymous).
    public var by: String
    /// The formulation file, as given.
    public var file: String
    /// SHA-256 of the file's bytes.
    public var sha256: String
    /// The trainee's free text.
    public var rationale: String?
  }

  /// A fired alert and whether the formulation lists it.
  public struct AlertCheck: Codable, Sendable, Hashable {
    /// The alert's name.
    public var id: String
    /// Info, warning or critical.
    public var severity: AlertSeverity
    /// What to do.
    public var label: String
    /// Why it matters.
    public var description: String?
    /// Whether the formulation lists it under `alerts:`; ignored alerts come first.
    public var acknowledged: Bool
    /// The fired rules that raised it.
    public var raisedBy: [Report.RuleInfo]

    enum CodingKeys: String, CodingKey {
      case id, severity, label, description, acknowledged
      case raisedBy = "raised_by"
    }
  }

  /// An alert named without its rules.
  public struct AlertNote: Codable, Sendable, Hashable {
    /// The alert's name.
    public var id: String
    /// Info, warning or critical.
    public var severity: AlertSeverity
    /// What to do.
    public var label: String
  }

  /// A value in a close call with an item.
  public struct RivalInfo: Codable, Sendable, Hashable {
    /// The value's name.
    public var name: String
    /// The value's label.
    public var label: String
    /// Its evidence.
    public var weight: Double
    /// The engine's status of the rival: picked or outranked.
    public var status: ValueStatus.Kind
  }

  /// One value that the trainee chose or the engine picked.
  public struct ItemCheck: Codable, Sendable, Hashable {
    /// The value's name.
    public var name: String
    /// The value's label.
    public var label: String
    /// Agreed, missed, unsupported, contested or uncertain.
    public var verdict: Verdict
    /// Whether the trainee chose it.
    public var traineeChose: Bool
    /// Whether the engine picks it.
    public var enginePicked: Bool
    /// The engine's status.
    public var status: ValueStatus.Kind
    /// 1-based rank when the engine picks it.
    public var rank: Int?
    /// The engine's evidence for it.
    public var weight: Double
    /// True, false, or unknown when undetermined rules could still change the engine's decision.
    public var certain: Truth
    /// Why the engine's decision is not settled (empty when settled).
    public var uncertainBecause: [UncertaintyReason]
    /// Fired rules for the value (the engine's evidence), with their `because` and `teach`.
    public var supporting: [Report.RuleInfo]
    /// Fired rules against it.
    public var opposing: [Report.RuleInfo]
    /// The contraindications that excluded it.
    public var excludedBy: [Report.RuleInfo]
    /// For a value the engine does not pick: the rules that would support it, nearest first
    /// (at most three), with each condition's truth and the values read.
    public var wouldSupport: [Report.RuleInfo]
    /// Values in a close call with it.
    public var rivals: [RivalInfo]
    /// Findings whose answers could change the engine's decision.
    public var missing: [String]
    /// The questions that would settle it.
    public var askNext: [Report.QuestionEntry]

    enum CodingKeys: String, CodingKey {
      case name, label, verdict, status, rank, weight, certain, supporting, opposing, rivals,
        missing
      case traineeChose = "trainee_chose"
      case enginePicked = "engine_picked"
      case uncertainBecause = "uncertain_because"
      case excludedBy = "excluded_by"
      case wouldSupport = "would_support"
      case askNext = "ask_next"
    }
  }

  /// One output kind.
  public struct OutputCheck: Codable, Sendable, Hashable {
    /// The output's name.
    public var name: String
    /// The output's title.
    public var title: String
    /// At most this many values are picked.
    public var max: Int?
    /// Evidence a value needs.
    public var minWeight: Double
    /// Whether the formulation names this output.
    public var addressed: Bool
    /// The trainee's values, in file order.
    public var traineeChose: [String]
    /// The engine's picks, best first.
    public var enginePicked: [String]
    /// Verdicts over its values.
    public var counts: VerdictCounts
    /// Every value the trainee chose or the engine picked, in declared order.
    public var items: [ItemCheck]

    enum CodingKeys: String, CodingKey {
      case name, title, max, addressed, counts, items
      case minWeight = "min_weight"
      case traineeChose = "trainee_chose"
      case enginePicked = "engine_picked"
    }
  }

  /// `ipt-advisor/check/1`.
  public var schema: String
  /// The engine's version.
  public var engine: String
  /// Decision support, not a diagnosis.
  public var statement: String
  /// The pack.
  public var pack: Report.PackInfo
  /// The case.
  public var `case`: Report.CaseInfo
  /// The formulation.
  public var formulation: FormulationInfo
  /// Whether a critical alert fired.
  public var deferredPendingSafety: Bool
  /// Every fired alert: ignored ones first, most severe first.
  public var alerts: [AlertCheck]
  /// Alerts the formulation lists that no rule raised.
  public var alertsNotRaised: [AlertNote]
  /// One check per output.
  public var outputs: [OutputCheck]
  /// Counts over every output.
  public var counts: VerdictCounts
  /// Fired alerts the formulation does not list.
  public var ignoredAlerts: Int
  /// Missed, unsupported and contested values plus ignored warning and critical alerts.
  public var disagreements: Int

  enum CodingKeys: String, CodingKey {
    case schema, engine, statement, pack, `case`, formulation, alerts, outputs, counts,
      disagreements
    case deferredPendingSafety = "deferred_pending_safety"
    case alertsNotRaised = "alerts_not_raised"
    case ignoredAlerts = "ignored_alerts"
  }
}
