import Foundation
public import TraineeCheck

/// What a check record keeps of a trainee's formulation checked against the engine
/// (`ipt-advisor/audit-verdicts/1`): the trainee, each value's verdict and the ignored alerts.
public struct AuditVerdicts: Codable, Sendable, Hashable {
  /// One value the trainee chose or the engine picked.
  public struct Item: Codable, Sendable, Hashable {
    /// The output's name.
    public var output: String
    /// The value's name.
    public var value: String
    /// Agreed, missed, unsupported, contested or uncertain.
    public var verdict: Verdict
  }

  /// `ipt-advisor/audit-verdicts/1`.
  public var schema = "ipt-advisor/audit-verdicts/1"
  /// The trainee who wrote the formulation (its `by:`).
  public var trainee: String
  /// Counts over every output.
  public var counts: VerdictCounts
  /// Every value's verdict, output by output in the pack's order.
  public var items: [Item]
  /// Fired alerts the formulation does not list.
  public var ignoredAlerts: [String]
  /// Missed, unsupported and contested values plus ignored warning and critical alerts.
  public var disagreements: Int

  enum CodingKeys: String, CodingKey {
    case schema, trainee, counts, items, disagreements
    case ignoredAlerts = "ignored_alerts"
  }

  /// The verdicts of a check.
  public init(_ report: CheckReport) {
    trainee = report.formulation.by
    counts = report.counts
    items = report.outputs.flatMap { output in
      output.items.map { Item(output: output.name, value: $0.name, verdict: $0.verdict) }
    }
    ignoredAlerts = report.alerts.filter { !$0.acknowledged }.map(\.id)
    disagreements = report.disagreements
  }

  /// The canonical JSON (sorted keys, one line).
  var line: String { AuditSession.line(self) }
}
