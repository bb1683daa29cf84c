/// Renders a `Document` as plain text for a terminal: headings in capitals, lists indented,
/// tables aligned, badges in brackets; ANSI colour only when asked for.
public struct TextRenderer: Sendable {
  /// Whether to use ANSI colour.
  public var colour: Bool

  /// A renderer, with or without colour.
  public init(colour: Bool = false) { self.colour = colour }

  /// The document as text.
  public func render(_ document: Document) -> String {
    var out = inline(document.title) + "\n"
    for block in document.blocks { render(block, depth: 0, into: &out) }
    return out
  }

  private func paint(_ text: String, _ code: String) -> String {
    colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }

  static func ansi(_ tone: Tone) -> String {
    switch tone {
    case .plain: "0"
    case .critical: "1;31"
    case .warning: "1;33"
    case .info: "1;36"
    case .positive: "1;32"
    case .muted: "2"
    case .open: "1;36"
    }
  }

  func inline(_ text: Text) -> String {
    text.runs.map { run in
      switch run {
      case .plain(let s), .code(let s): s
      case .strong(let s): paint(s, "1")
      case .badge(let s, let tone): tone == .plain ? "[\(s)]" : paint("[\(s)]", Self.ansi(tone))
      case .link(let text, _): inline(text)
      }
    }.joined()
  }

  private func render(_ block: Block, depth: Int, into out: inout String) {
    switch block {
    case .heading(let text, _):
      if !out.isEmpty { out += "\n" }
      out += paint(text.plain.uppercased(), "1") + "\n"
    case .paragraph(let text):
      out += String(repeating: "  ", count: depth) + inline(text) + "\n"
    case .callout(let text, let tone):
      switch tone {
      case .critical, .warning:
        out += "\n" + paint("!! ", Self.ansi(tone)) + inline(text) + "\n"
      default:
        out += inline(text) + "\n"
      }
    case .list(let items, let ordered):
      for (index, item) in items.enumerated() {
        let marker = ordered ? "\(index + 1). " : ""
        out += String(repeating: "  ", count: depth + 1) + marker + inline(item.text) + "\n"
        for child in item.children { render(child, depth: depth + 1, into: &out) }
      }
    case .table(let table):
      out += render(table)
    case .details(_, let blocks):
      for child in blocks { render(child, depth: depth, into: &out) }
    case .chart:
      break
    }
  }

  private func render(_ table: Table) -> String {
    let numeric = table.numericColumns
    let cells = table.rows.map { $0.map { inline($0) } }
    var widths = table.header.map(\.count)
    for row in table.rows {
      for (i, cell) in row.enumerated() where i < widths.count {
        widths[i] = max(widths[i], cell.plain.count)
      }
    }
    func line(_ row: [String], plainWidths: [Int]) -> String {
      let padded = row.enumerated().map { i, cell -> String in
        let pad = String(repeating: " ", count: max(0, widths[i] - plainWidths[i]))
        return numeric[i] ? pad + cell : cell + pad
      }
      var text = "  " + padded.joined(separator: "  ")
      while text.hasSuffix(" ") { text.removeLast() }
      return text + "\n"
    }
    var out = line(table.header, plainWidths: table.header.map(\.count))
    for (row, styled) in zip(table.rows, cells) {
      out += line(styled, plainWidths: row.map(\.plain.count))
    }
    return out
  }
}
