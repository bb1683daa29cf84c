/// How a rule came out for a case, as reports name it.
public enum RuleResult: String, Sendable, Hashable, Codable, CaseIterable {
  /// Its condition is true.
  case fired
  /// Its condition is false.
  case failed
  /// Its condition is unknown for lack of findings.
  case undetermined

  /// The result of a rule whose condition has this truth.
  public init(_ truth: Truth) {
    switch truth {
    case .true: self = .fired
    case .false: self = .failed
    case .unknown: self = .undetermined
    }
  }
}
