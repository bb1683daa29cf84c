public import RuleEngine
public import RuleRender

/// How far the engine agrees with formulations stated by published sources (`ipt agreement`),
/// schema `ipt-advisor/agreement/1`: one measure per output the sources state, the safety alerts
/// they require, and a row per case.
public struct AgreementReport: Codable, Sendable, Hashable {
  /// How an output is scored.
  public enum Measure: String, Codable, Sendable, Hashable, CaseIterable {
    /// For an output with a `max` (one focus, one variant): the engine's first pick is among the
    /// values the source states. Counted over the cases whose source states the output.
    case firstPick = "first-pick"
    /// For an output without a `max` (techniques): the share of the values the source states that
    /// the engine also picks. Counted over those values.
    case recall
  }

  /// Agreement on one output.
  public struct OutputAgreement: Codable, Sendable, Hashable {
    /// The output's name.
    public var output: String
    /// Its title.
    public var title: String
    /// How it is scored.
    public var measure: Measure
    /// Cases whose source states the output (first-pick), or values the sources state (recall).
    public var stated: Int
    /// Of which the engine agrees with.
    public var agreed: Int
    /// Cases (first-pick) where some engine pick is among the source's values, first or not.
    public var overlapping: Int?
    /// `agreed` as a percentage of `stated`, one decimal; nil when nothing is stated.
    public var percent: Double?
    /// How often the engine picks each value over the whole corpus, and how often provisionally
    /// (an unknown finding could still change it), in declared order.
    public var picks: [ValuePicks]
  }

  /// How often one value is picked.
  public struct ValuePicks: Codable, Sendable, Hashable {
    /// The value's name.
    public var value: String
    /// Cases where the engine picks it.
    public var picked: Int
    /// Of which provisionally.
    public var provisional: Int
    /// Cases where a source states it.
    public var stated: Int
  }

  /// An alert a source requires that the engine did not raise.
  public struct MissedAlert: Codable, Sendable, Hashable {
    /// The case.
    public var `case`: String
    /// The alert's name.
    public var alert: String
    /// Its severity.
    public var severity: AlertSeverity
  }

  /// The safety alerts the sources require.
  public struct AlertAgreement: Codable, Sendable, Hashable {
    /// Alerts the formulations list, over every case.
    public var required: Int
    /// Of which the engine raised.
    public var raised: Int
    /// The ones it did not, by case.
    public var missed: [MissedAlert]
  }

  /// One output of one case.
  public struct CaseOutput: Codable, Sendable, Hashable {
    /// The output's name.
    public var output: String
    /// The values the source states, in its order.
    public var source: [String]
    /// The engine's picks, best first.
    public var engine: [String]
    /// Those picks that are provisional.
    public var provisional: [String]
    /// Whether the engine agrees under the output's measure (for recall: every stated value is
    /// picked).
    public var agrees: Bool
  }

  /// One published formulation against the engine.
  public struct CaseRow: Codable, Sendable, Hashable {
    /// The case id.
    public var `case`: String
    /// The case file.
    public var file: String
    /// The formulation file.
    public var formulation: String
    /// Whether a critical alert defers the engine's suggestions.
    public var deferredPendingSafety: Bool
    /// Every output the source states, in declared order.
    public var outputs: [CaseOutput]
    /// Alerts the source requires that the engine did not raise.
    public var missedAlerts: [String]

    enum CodingKeys: String, CodingKey {
      case `case`, file, formulation, outputs
      case deferredPendingSafety = "deferred_pending_safety"
      case missedAlerts = "missed_alerts"
    }
  }

  /// `ipt-advisor/agreement/1`.
  public var schema: String
  /// The engine's version.
  public var engine: String
  /// Decision support, not a diagnosis.
  public var statement: String
  /// The pack.
  public var pack: Report.PackInfo
  /// How many formulations were compared.
  public var formulations: Int
  /// One entry per output that some source states, in declared order.
  public var outputs: [OutputAgreement]
  /// The safety alerts the sources require.
  public var alerts: AlertAgreement
  /// One row per formulation, by case id.
  public var cases: [CaseRow]

  /// The agreement on the named output, if some source states it.
  public func output(_ name: String) -> OutputAgreement? { outputs.first { $0.output == name } }
}
