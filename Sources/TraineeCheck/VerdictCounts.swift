import RuleDiagnostics
import RuleEngine

/// How many values got each verdict.
public struct VerdictCounts: Sendable, Hashable, Codable {
  /// Values both chose.
  public var agreed = 0
  /// Values the engine picks and the trainee left out.
  public var missed = 0
  /// Values the trainee chose and the engine does not pick.
  public var unsupported = 0
  /// Values the trainee chose that a contraindication excludes.
  public var contested = 0
  /// Differences where the engine's own decision is not settled.
  public var uncertain = 0

  /// No verdicts yet.
  public init() {}

  /// The count for one verdict.
  public subscript(verdict: Verdict) -> Int {
    get {
      switch verdict {
      case .agreed: agreed
      case .missed: missed
      case .unsupported: unsupported
      case .contested: contested
      case .uncertain: uncertain
      }
    }
    set {
      switch verdict {
      case .agreed: agreed = newValue
      case .missed: missed = newValue
      case .unsupported: unsupported = newValue
      case .contested: contested = newValue
      case .uncertain: uncertain = newValue
      }
    }
  }

  /// Missed, unsupported and contested values: where the trainee differs from a settled decision.
  public var disagreements: Int { missed + unsupported + contested }

  /// Every counted value.
  public var total: Int { agreed + disagreements + uncertain }

  /// Adds another set of counts.
  public static func + (lhs: VerdictCounts, rhs: VerdictCounts) -> VerdictCounts {
    var sum = lhs
    for verdict in Verdict.allCases { sum[verdict] += rhs[verdict] }
    return sum
  }
}
