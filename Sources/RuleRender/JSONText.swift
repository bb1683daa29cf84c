import Foundation
import RuleDiagnostics

/// Deterministic JSON text: sorted keys, pretty or one line.
public enum JSONText {
  /// JSON with sorted keys, pretty-printed or on one line, ending with a line break.
  public static func encode(_ value: some Encodable, pretty: Bool = true) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting =
      pretty
      ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
      : [.sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(value) else { return "{}\n" }
    return String(decoding: data, as: UTF8.self) + "\n"
  }

  /// A report's JSON, written directly (the same bytes as the generic `encode`, faster).
  public static func encode(_ report: Report, pretty: Bool = true) -> String {
    report.json(pretty: pretty)
  }
}
