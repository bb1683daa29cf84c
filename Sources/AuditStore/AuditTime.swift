import Foundation
import RuleDiagnostics

/// Times in records: ISO 8601 in UTC to the millisecond (`2026-12-07T09:41:05.123Z`), which
/// sort as text. The date part is `DateText.iso`, the engine's own calendar.
public enum AuditTime {
  /// Whether `text` can start a `since` filter: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, optionally
  /// followed by `T` and a time.
  public static func isSince(_ text: String) -> Bool {
    let date = text.split(separator: "T", maxSplits: 1).first.map(String.init) ?? ""
    let parts = date.split(separator: "-", omittingEmptySubsequences: false)
    guard (1...3).contains(parts.count),
      parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }),
      parts[0].count == 4
    else { return false }
    return parts.dropFirst().allSatisfy { $0.count == 2 }
  }

  static func text(_ date: Date) -> String {
    let milliseconds = Int((date.timeIntervalSince1970 * 1000).rounded(.down))
    let (days, rest) = milliseconds.quotientAndRemainder(dividingBy: 86_400_000)
    let (day, ms) = rest >= 0 ? (days, rest) : (days - 1, rest + 86_400_000)
    func pad(_ n: Int, _ width: Int) -> String {
      let digits = String(n)
      return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
    let seconds = ms / 1000
    return DateText.iso(day)
      + "T\(pad(seconds / 3600, 2)):\(pad(seconds / 60 % 60, 2)):\(pad(seconds % 60, 2)).\(pad(ms % 1000, 3))Z"
  }
}
