/// Which rules a program runs: all of them, or in release mode only reviewed ones (draft rules
/// that raise a safety alert, or that a safety rule depends on, always run).
public enum PackMode: String, Sendable, Hashable, Codable, CaseIterable {
  /// Every draft and reviewed rule.
  case full
  /// Reviewed rules, and the draft rules safety depends on.
  case release
}
