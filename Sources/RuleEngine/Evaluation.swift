/// The result of evaluating a program against one case.
public struct Evaluation: Sendable {
  /// Truth of each rule's condition (retired rules are false).
  public var ruleTruth: [Truth]
  /// For each fired rule, the element index each quantifier variable was bound to.
  public var bindings: [[Int]]
  /// Final values of every slot, derived findings included.
  public var facts: [Value]
  /// One result per output, in declared order.
  public var outputs: [OutputResult]
  /// Fired alerts, most severe first, then by declared order.
  public var alerts: [FiredAlert]

  /// Whether a critical alert fired while something is suggested: the suggestions are then
  /// deferred pending safety. With nothing suggested (a gate that removes every suggestion, such
  /// as "not a psychotherapy candidate") there is nothing to defer.
  public var deferredPendingSafety: Bool {
    alerts.contains { $0.severity == .critical } && outputs.contains { !$0.picked.isEmpty }
  }
}
