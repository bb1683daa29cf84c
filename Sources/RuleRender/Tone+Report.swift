import RuleDiagnostics
public import RuleEngine

extension Tone {
  /// The tone of an alert severity.
  public init(_ severity: AlertSeverity) {
    switch severity {
    case .critical: self = .critical
    case .warning: self = .warning
    case .info: self = .info
    }
  }

  /// The tone of a rule's result: fired, failed and undetermined rules are styled apart.
  public init(_ result: RuleResult) {
    switch result {
    case .fired: self = .positive
    case .failed: self = .muted
    case .undetermined: self = .open
    }
  }
}
