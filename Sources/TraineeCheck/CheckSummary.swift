public import RuleRender

/// Formulation checks over many cases and trainees (`ipt check CASES --formulations DIR`),
/// schema `ipt-advisor/check-summary/1`.
public struct CheckSummary: Codable, Sendable, Hashable {
  /// One formulation.
  public struct Row: Codable, Sendable, Hashable {
    /// The case id.
    public var `case`: String
    /// The trainee.
    public var by: String
    /// The formulation file.
    public var file: String
    /// Its verdicts.
    public var counts: VerdictCounts
    /// Ignored alerts as `severity: id`, most severe first.
    public var ignoredAlerts: [String]
    /// Its disagreements.
    public var disagreements: Int

    enum CodingKeys: String, CodingKey {
      case `case`, by, file, counts, disagreements
      case ignoredAlerts = "ignored_alerts"
    }
  }

  /// One trainee, one case or one output kind, over its formulations.
  public struct Group: Codable, Sendable, Hashable {
    /// The trainee, case or output.
    public var name: String
    /// How many formulations it covers.
    public var formulations: Int
    /// Verdicts over them.
    public var counts: VerdictCounts
    /// Fired alerts they ignored.
    public var ignoredAlerts: Int
    /// Of which critical.
    public var ignoredCriticalAlerts: Int
    /// Their disagreements.
    public var disagreements: Int

    enum CodingKeys: String, CodingKey {
      case name, formulations, counts, disagreements
      case ignoredAlerts = "ignored_alerts"
      case ignoredCriticalAlerts = "ignored_critical_alerts"
    }
  }

  /// `ipt-advisor/check-summary/1`.
  public var schema: String
  /// The engine's version.
  public var engine: String
  /// Decision support, not a diagnosis.
  public var statement: String
  /// The pack.
  public var pack: Report.PackInfo
  /// One row per formulation, by trainee then case.
  public var rows: [Row]
  /// Per trainee.
  public var byTrainee: [Group]
  /// Per case.
  public var byCase: [Group]
  /// Per output kind, over every formulation (alert columns are zero).
  public var byOutput: [Group]
  /// Cases given without any formulation.
  public var casesWithoutFormulation: [String]
  /// The full check of every formulation, in row order.
  public var checks: [CheckReport]

  enum CodingKeys: String, CodingKey {
    case schema, engine, statement, pack, rows, checks
    case byTrainee = "by_trainee"
    case byCase = "by_case"
    case byOutput = "by_output"
    case casesWithoutFormulation = "cases_without_formulation"
  }
}
