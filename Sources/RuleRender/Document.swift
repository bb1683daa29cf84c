/// A human-readable report, built once and rendered as text, Markdown or HTML: headings,
/// paragraphs, lists, tables, callouts, collapsible details and badges that carry a tone. Every
/// report (evaluate, explain, check, test, doc) is built as a `Document`.
public struct Document: Sendable, Hashable {
  /// The document's title (its level-1 heading).
  public var title: Text
  /// An anchor for the document, when a page holds several (the table of contents links to it).
  public var anchor: String?
  /// The content, in order.
  public var blocks: [Block]

  /// A document with a title and content.
  public init(title: Text, anchor: String? = nil, blocks: [Block] = []) {
    self.title = title
    self.anchor = anchor
    self.blocks = blocks
  }
}

/// How something should look: the colour of a badge or a callout, with its meaning.
public enum Tone: String, Sendable, Hashable, CaseIterable {
  /// Nothing special.
  case plain
  /// A critical alert or a disagreement that matters most.
  case critical
  /// A warning.
  case warning
  /// An advisory.
  case info
  /// Agreement, a pick, a fired rule.
  case positive
  /// Something that did not hold (a failed rule): shown subdued.
  case muted
  /// Something not settled (an undetermined rule, an uncertain verdict).
  case open
}

/// A run of inline content.
public enum Inline: Sendable, Hashable {
  /// Plain text.
  case plain(String)
  /// A name or a condition, shown as code.
  case code(String)
  /// Emphasised text.
  case strong(String)
  /// A short label with a tone, such as a severity: `[critical]`.
  case badge(String, Tone)
}

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

/// One item of a list: its text and what is nested under it.
public struct ListItem: Sendable, Hashable {
  /// The item's own text.
  public var text: Text
  /// Blocks nested under the item (sub-lists, details).
  public var children: [Block]

  /// An item with nested blocks.
  public init(_ text: Text, children: [Block] = []) {
    self.text = text
    self.children = children
  }

  /// An item of plain text with nested blocks.
  public init(_ text: String, children: [Block] = []) {
    self.init(Text(text), children: children)
  }
}

/// A table: a header row and rows of cells; numeric columns are right-aligned.
public struct Table: Sendable, Hashable {
  /// Column headers.
  public var header: [String]
  /// Rows of cells.
  public var rows: [[Text]]

  /// A table with a header and rows.
  public init(header: [String], rows: [[Text]]) {
    self.header = header
    self.rows = rows
  }

  /// Whether each column holds only numbers (the first column never counts as numeric).
  public var numericColumns: [Bool] {
    header.indices.map { i in
      i > 0 && rows.allSatisfy { row in i < row.count && (row[i].plain.first.map(\.isNumber) ?? false) }
    }
  }
}

/// A block of a document.
public indirect enum Block: Sendable, Hashable {
  /// A section heading (level 2 and below; the document title is level 1).
  case heading(Text, level: Int)
  /// A paragraph.
  case paragraph(Text)
  /// A highlighted note (the decision-support statement, a safety banner).
  case callout(Text, Tone)
  /// A bulleted or numbered list.
  case list([ListItem], ordered: Bool)
  /// A table.
  case table(Table)
  /// Content that HTML shows collapsed under its summary; text and Markdown show it in full.
  case details(summary: Text, [Block])
}
