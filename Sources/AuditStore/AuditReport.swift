/// What an audit store says to a supervisor and a trainer (`ipt audit report`, schema
/// `ipt-advisor/audit-report/1`): runs per pack version, which rules' suggestions supervisors
/// override most and why, each trainee's agreement with the engine over time, and the runs still
/// waiting for a review.
public struct AuditReport: Codable, Sendable, Hashable {
  /// Runs and checks made with one pack version.
  public struct PackRuns: Codable, Sendable, Hashable {
    /// The pack id.
    public var id: String
    /// The pack version.
    public var version: String
    /// SHA-256 of the pack's files.
    public var sha256: String
    /// Evaluations recorded.
    public var runs: Int
    /// Checks recorded.
    public var checks: Int
    /// The first record's time.
    public var first: String
    /// The last record's time.
    public var last: String
  }

  /// How often supervisors overrode outputs that one rule supported.
  public struct RuleOverrides: Codable, Sendable, Hashable {
    /// The rule's id.
    public var rule: String
    /// Reviewed runs and checks in which the rule supported a pick.
    public var reviewed: Int
    /// Of those, the ones whose review overrode an output the rule supported.
    public var overridden: Int
    /// `overridden / reviewed`, as a percentage with one decimal.
    public var percent: Double
    /// The reviewers' reasons, oldest first, each once.
    public var reasons: [String]
  }

  /// A trainee's agreement with the engine in one month.
  public struct TraineePeriod: Codable, Sendable, Hashable {
    /// The trainee (the formulation's `by:`).
    public var trainee: String
    /// The month, `YYYY-MM`.
    public var period: String
    /// Checks recorded.
    public var checks: Int
    /// Values agreed.
    public var agreed: Int
    /// Values compared (agreed, missed, unsupported, contested, uncertain).
    public var total: Int
    /// `agreed / total` as a percentage with one decimal (0 when nothing was compared).
    public var percent: Double
    /// Missed, unsupported and contested values plus ignored warning and critical alerts.
    public var disagreements: Int
  }

  /// A run or check without a review.
  public struct OpenItem: Codable, Sendable, Hashable {
    /// The record's sequence number.
    public var seq: Int64
    /// Run or check.
    public var kind: AuditRecord.Kind
    /// When it was recorded.
    public var at: String
    /// Who ran it.
    public var by: String
    /// The case's id.
    public var caseID: String
    /// Whether a critical alert fired (these are listed first).
    public var critical: Bool

    enum CodingKeys: String, CodingKey {
      case seq, kind, at, by, critical
      case caseID = "case_id"
    }
  }

  /// `ipt-advisor/audit-report/1`.
  public var schema = "ipt-advisor/audit-report/1"
  /// Only records written at or after this time were counted (`--since`).
  public var since: String?
  /// Records counted: runs, checks and reviews.
  public var runs: Int
  /// Checks counted.
  public var checks: Int
  /// Reviews counted.
  public var reviews: Int
  /// Runs and checks whose latest review accepts them.
  public var accepted: Int
  /// Runs and checks whose latest review overrides them.
  public var overridden: Int
  /// Runs per pack version, oldest first.
  public var packs: [PackRuns]
  /// Rules whose suggestions were reviewed, most overridden first.
  public var rules: [RuleOverrides]
  /// Agreement per trainee and month, by trainee then month.
  public var trainees: [TraineePeriod]
  /// Runs and checks without a review: critical ones first, then oldest first.
  public var open: [OpenItem]
  /// Records that could not be replayed to find the rules behind their picks, with why.
  public var notReplayed: [String]

  enum CodingKeys: String, CodingKey {
    case schema, since, runs, checks, reviews, accepted, overridden, packs, rules, trainees, open
    case notReplayed = "not_replayed"
  }
}
