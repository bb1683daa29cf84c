import Foundation

/// Field-by-field differences between two one-line JSON texts, for replay reports:
/// `picked.focus: stored ["grief"], now ["role_dispute"]`.
enum JSONDifference {
  /// No lines when the texts are byte-identical; otherwise one line per differing field (or one
  /// line for the whole text when it is not JSON), sorted by path.
  static func lines(stored: String, now: String, prefix: String) -> [String] {
    guard stored != now else { return [] }
    guard let a = parse(stored), let b = parse(now) else {
      return [
        "\(prefix.isEmpty ? "result" : String(prefix.dropLast())): stored \(stored), now \(now)"
      ]
    }
    var out: [String] = []
    compare(a, b, path: prefix, into: &out)
    // Same values, different bytes (key order, spacing): say so rather than nothing.
    return out.isEmpty ? ["\(prefix)bytes differ (same values)"] : out.sorted()
  }

  private static func parse(_ text: String) -> Any? {
    try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
  }

  private static func compare(_ a: Any, _ b: Any, path: String, into out: inout [String]) {
    if let a = a as? [String: Any], let b = b as? [String: Any] {
      for key in Set(a.keys).union(b.keys).sorted() {
        let sub = path + key
        switch (a[key], b[key]) {
        case (let x?, let y?): compare(x, y, path: sub + ".", into: &out)
        case (let x?, nil): out.append("\(sub): stored \(text(x)), now absent")
        case (nil, let y?): out.append("\(sub): stored absent, now \(text(y))")
        case (nil, nil): break
        }
      }
      return
    }
    let left = text(a)
    let right = text(b)
    if left != right {
      out.append(
        "\(path.hasSuffix(".") ? String(path.dropLast()) : path): stored \(left), now \(right)")
    }
  }

  private static func text(_ value: Any) -> String {
    guard JSONSerialization.isValidJSONObject([value]),
      let data = try? JSONSerialization.data(
        withJSONObject: [value], options: [.sortedKeys, .withoutEscapingSlashes])
    else { return "\(value)" }
    // Drop the array brackets put around the value so that fragments encode.
    return String(String(decoding: data, as: UTF8.self).dropFirst().dropLast())
  }
}
