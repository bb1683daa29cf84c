import RuleDiagnostics
import RuleEngine

/// A trainee's formulation compared with the engine's explanation of the same case: pure data,
/// every name an index into the program.
package struct FormulationComparison: Sendable {
  /// Two values of an output are a **close call** when the output has a `max`, one of them is
  /// picked, the other is outranked (it has at least `min_weight` points and is not excluded, but
  /// `max` left no room for it) and their evidence differs by at most this many points. One point
  /// is the weight of the lightest rule in a typical pack: a single finding could swap them.
  package static let closeCallMargin: Double = 1

  /// The case compared.
  package var caseID: String
  /// The trainee whose formulation it is.
  package var by: String
  /// Every fired alert: those the formulation ignores first, then those it lists; within each,
  /// most severe first, then by declared order. A critical alert is never left out.
  package var alerts: [AlertComparison]
  /// Alerts the formulation lists that no rule raised, in file order.
  package var unraisedAlerts: [Int]
  /// One comparison per output of the program, in declared order.
  package var outputs: [OutputComparison]

  /// Fired alerts the formulation does not list.
  package var ignoredAlerts: [AlertComparison] { alerts.filter { !$0.acknowledged } }

  /// Counts over every output.
  package var counts: VerdictCounts { outputs.reduce(VerdictCounts()) { $0 + $1.counts } }

  /// Missed, unsupported and contested values, plus ignored warning and critical alerts (an
  /// ignored `info` alert is shown but is not a disagreement).
  package var disagreements: Int {
    counts.disagreements + ignoredAlerts.filter { $0.severity >= .warning }.count
  }
}
