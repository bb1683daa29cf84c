import RuleDiagnostics

/// Alert severities, from least to most urgent.
public enum AlertSeverity: String, Sendable, Hashable, Codable, Comparable, CaseIterable {
  case info, warning, critical

  var rank: Int {
    switch self {
    case .info: 0
    case .warning: 1
    case .critical: 2
    }
  }

  /// Info before warning before critical.
  public static func < (lhs: AlertSeverity, rhs: AlertSeverity) -> Bool { lhs.rank < rhs.rank }
}
