/// Renders a `Document` as Markdown (CommonMark with pipe tables). Text that comes from input
/// files is escaped so that it cannot carry HTML into a Markdown viewer.
public struct MarkdownRenderer: Sendable {
  /// A Markdown renderer.
  public init() {}

  /// The document as Markdown.
  public func render(_ document: Document) -> String {
    var parts = ["# " + flat(document.title) + "\n"]
    for block in document.blocks { parts.append(render(block, indent: "")) }
    return parts.joined(separator: "\n")
  }

  /// Escapes the characters that would start HTML.
  static func escape(_ text: String) -> String {
    var out = ""
    for c in text {
      switch c {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      default: out.append(c)
      }
    }
    return out
  }

  /// A code span that holds `text` whatever backticks it contains.
  static func code(_ text: String) -> String {
    var fence = "`"
    while text.contains(fence) { fence += "`" }
    let pad = fence.count > 1 || text.hasPrefix("`") || text.hasSuffix("`") ? " " : ""
    return fence + pad + text + pad + fence
  }

  func inline(_ text: Text) -> String {
    text.runs.map { run in
      switch run {
      case .plain(let s): Self.escape(s)
      case .code(let s): Self.code(s)
      case .strong(let s): "**\(Self.escape(s))**"
      case .badge(let s, _): "**[\(Self.escape(s))]**"
      case .link(let text, _): inline(text)
      }
    }.joined()
  }

  /// Inline content without emphasis (headings).
  private func flat(_ text: Text) -> String {
    text.runs.map { run in
      switch run {
      case .plain(let s), .strong(let s): Self.escape(s)
      case .code(let s): Self.code(s)
      case .badge(let s, _): "[\(Self.escape(s))]"
      case .link(let text, _): flat(text)
      }
    }.joined()
  }

  private func render(_ block: Block, indent: String) -> String {
    switch block {
    case .heading(let text, let level):
      return String(repeating: "#", count: min(6, max(2, level))) + " " + flat(text) + "\n"
    case .paragraph(let text):
      return indent + inline(text) + "\n"
    case .callout(let text, let tone):
      let body = inline(text)
      return indent + "> " + (tone == .critical || tone == .warning ? "**\(body)**" : body) + "\n"
    case .list(let items, let ordered):
      var out = ""
      for (index, item) in items.enumerated() {
        let marker = ordered ? "\(index + 1). " : "- "
        out += indent + marker + inline(item.text) + "\n"
        let inner = indent + String(repeating: " ", count: marker.count)
        for child in item.children { out += nested(child, indent: inner) }
      }
      return out
    case .table(let table):
      let numeric = table.numericColumns
      var out = indent + "| " + table.header.map(Self.escape).joined(separator: " | ") + " |\n"
      out += indent + "|" + numeric.map { $0 ? " ---: |" : " --- |" }.joined() + "\n"
      for row in table.rows {
        out +=
          indent + "| "
          + row.map { inline($0).replacing("|", with: "\\|").replacing("\n", with: " ") }.joined(
            separator: " | ") + " |\n"
      }
      return out
    case .details(_, let blocks):
      // Shown in full: the summary only matters where the content can be collapsed (HTML).
      return blocks.map { render($0, indent: indent) }.joined(separator: "\n")
    case .chart:
      return ""
    }
  }

  /// A block inside a list item: lists continue without a blank line, other blocks get one.
  private func nested(_ block: Block, indent: String) -> String {
    switch block {
    case .list: return render(block, indent: indent)
    case .details(_, let blocks): return blocks.map { nested($0, indent: indent) }.joined()
    default: return "\n" + render(block, indent: indent) + "\n"
    }
  }
}
