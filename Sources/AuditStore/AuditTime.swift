import Foundation

/// Times in records: ISO 8601 in UTC to the millisecond (`2026-12-07T09:41:05.123Z`), which
/// sort as text.
enum AuditTime {
  static func text(_ date: Date) -> String {
    date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt))
  }
}
