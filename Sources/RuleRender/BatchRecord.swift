public import RuleEngine

/// One line of `ipt evaluate --format jsonl` (schema `ipt-advisor/batch/1`): the result of a case
/// without its explanation, for batch runs and audits.
public struct BatchRecord: Codable, Sendable, Hashable {
  /// `ipt-advisor/batch/1`.
  public var schema: String
  /// The engine's version.
  public var engine: String
  /// The pack.
  public var pack: Report.PackInfo
  /// The case.
  public var `case`: Report.CaseInfo
  /// Whether a critical alert fired.
  public var deferredPendingSafety: Bool
  /// Fired alerts as `severity: id`, most severe first.
  public var alerts: [String]
  /// Output name -> picked values, best first.
  public var picked: [String: [String]]
  /// Ids of the rules that fired, sorted.
  public var fired: [String]
  /// Ids of the rules left undetermined, sorted.
  public var undetermined: [String]
  /// In release mode, the skipped draft rules that would have fired, sorted.
  public var wouldFire: [String]?

  enum CodingKeys: String, CodingKey {
    case schema, engine, pack, `case`, alerts, picked, fired, undetermined
    case wouldFire = "would_fire"
    case deferredPendingSafety = "deferred_pending_safety"
  }

  /// Builds the record of one evaluation.
  public init(
    program: Program, facts: CaseFacts, evaluation: Evaluation, engineVersion: String,
    wouldFire: [String]? = nil
  ) {
    self.wouldFire = wouldFire
    schema = "ipt-advisor/batch/1"
    engine = engineVersion
    pack = Report.PackInfo(program.pack)
    `case` = Report.CaseInfo(facts)
    deferredPendingSafety = evaluation.deferredPendingSafety
    alerts = evaluation.alerts.map { "\($0.severity.rawValue): \(program.alerts[$0.alert].name)" }
    var picked: [String: [String]] = [:]
    for (o, result) in evaluation.outputs.enumerated() {
      picked[program.outputs[o].name] = result.picked.map { program.outputs[o].values[$0].name }
    }
    self.picked = picked
    fired = program.ruleIDs(where: .true, in: evaluation)
    undetermined = program.ruleIDs(where: .unknown, in: evaluation)
  }
}

extension Program {
  /// The ids of the rules whose condition has this truth, in id order.
  func ruleIDs(where truth: Truth, in evaluation: Evaluation) -> [String] {
    rules.indices.filter { evaluation.ruleTruth[$0] == truth }.map { rules[$0].id }
  }
}
