/// Inline content: a sequence of runs.
public struct Text: Sendable, Hashable, ExpressibleByStringLiteral {
  /// The runs, in order.
  public var runs: [Inline]

  /// Text made of runs.
  public init(_ runs: [Inline]) { self.runs = runs }

  /// Plain text.
  public init(_ plain: String) { self.runs = [.plain(plain)] }

  /// Plain text from a literal.
  public init(stringLiteral value: String) { self.runs = [.plain(value)] }

  /// The text without any styling.
  public var plain: String {
    runs.map { run in
      switch run {
      case .plain(let s), .code(let s), .strong(let s): s
      case .badge(let s, _): "[\(s)]"
      case .link(let text, _): text.plain
      }
    }.joined()
  }

  /// Joins two texts.
  public static func + (lhs: Text, rhs: Text) -> Text { Text(lhs.runs + rhs.runs) }

  /// Appends plain text.
  public static func + (lhs: Text, rhs: String) -> Text { Text(lhs.runs + [.plain(rhs)]) }

  /// Prepends plain text.
  public static func + (lhs: String, rhs: Text) -> Text { Text([.plain(lhs)] + rhs.runs) }

  /// Names as code, separated by commas, at most `limit` of them then "and N more".
  public static func names(_ items: [String], limit: Int = .max) -> Text {
    var runs: [Inline] = []
    for (i, item) in items.prefix(limit).enumerated() {
      if i > 0 { runs.append(.plain(", ")) }
      runs.append(.code(item))
    }
    if items.count > limit { runs.append(.plain(" and \(items.count - limit) more")) }
    return Text(runs)
  }
}
