/// Renders documents as one self-contained HTML page: no external assets, a small stylesheet,
/// every text escaped. Tones are shown by colour and by their label; collapsible details use
/// `<details>`; a page with several documents starts with a table of contents.
public struct HTMLRenderer: Sendable {
  /// An HTML renderer.
  public init() {}

  /// How many documents a page needs before it gets a table of contents.
  public static let contentsThreshold = 2

  /// A page holding `documents`, titled `title`.
  public func page(_ documents: [Document], title: String) -> String {
    var out = """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(Self.escape(title))</title>
      <style>
      \(Self.stylesheet)
      </style>
      </head>
      <body>

      """
    let anchors = documents.enumerated().map { index, document in
      document.anchor.map(Self.anchor) ?? "document-\(index + 1)"
    }
    if documents.count >= Self.contentsThreshold {
      out +=
        "<nav aria-labelledby=\"contents\">\n<h2 id=\"contents\">Contents (\(documents.count))</h2>\n<ol>\n"
      for (document, anchor) in zip(documents, anchors) {
        let badge = document.badge.map { " " + inline(Text([$0])) } ?? ""
        out += "<li><a href=\"#\(anchor)\">\(inline(document.title))</a>\(badge)</li>\n"
      }
      out += "</ol>\n</nav>\n"
    }
    for (document, anchor) in zip(documents, anchors) {
      out += "<article id=\"\(anchor)\">\n<h1>\(inline(document.title))</h1>\n"
      for block in document.blocks { out += render(block) }
      out += "</article>\n"
    }
    return out + "</body>\n</html>\n"
  }

  /// Escapes text for HTML content and attribute values.
  public static func escape(_ text: String) -> String {
    var out = ""
    for c in text {
      switch c {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.append(c)
      }
    }
    return out
  }

  /// An id made of letters, digits, `-` and `_` only.
  static func anchor(_ text: String) -> String {
    String(text.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "-" })
  }

  func inline(_ text: Text) -> String {
    text.runs.map { run in
      switch run {
      case .plain(let s): Self.escape(s)
      case .code(let s): "<code>\(Self.escape(s))</code>"
      case .strong(let s): "<strong>\(Self.escape(s))</strong>"
      case .badge(let s, let tone):
        "<span class=\"badge tone-\(tone.rawValue)\">\(Self.escape(s))</span>"
      }
    }.joined()
  }

  private func render(_ block: Block) -> String {
    switch block {
    case .heading(let text, let level):
      let n = min(6, max(2, level))
      return "<h\(n)>\(inline(text))</h\(n)>\n"
    case .paragraph(let text):
      return "<p>\(inline(text))</p>\n"
    case .callout(let text, let tone):
      let role = tone == .critical ? " role=\"alert\"" : ""
      return "<div class=\"callout tone-\(tone.rawValue)\"\(role)>\(inline(text))</div>\n"
    case .list(let items, let ordered):
      let tag = ordered ? "ol" : "ul"
      var out = "<\(tag)>\n"
      for item in items {
        out += "<li>" + inline(item.text)
        if !item.children.isEmpty {
          out += "\n" + item.children.map(render).joined()
        }
        out += "</li>\n"
      }
      return out + "</\(tag)>\n"
    case .table(let table):
      let numeric = table.numericColumns
      var out = "<table>\n<thead><tr>"
      for (i, header) in table.header.enumerated() {
        out += "<th scope=\"col\"\(numeric[i] ? " class=\"num\"" : "")>\(Self.escape(header))</th>"
      }
      out += "</tr></thead>\n<tbody>\n"
      for row in table.rows {
        out += "<tr>"
        for (i, cell) in row.enumerated() {
          out +=
            "<td\(i < numeric.count && numeric[i] ? " class=\"num\"" : "")>\(inline(cell))</td>"
        }
        out += "</tr>\n"
      }
      return out + "</tbody>\n</table>\n"
    case .details(let summary, let blocks):
      return "<details>\n<summary>\(inline(summary))</summary>\n" + blocks.map(render).joined()
        + "</details>\n"
    }
  }

  /// Colours chosen for contrast on white (each at least 4.5:1), with the label always written.
  static let stylesheet = """
    body { font-family: system-ui, sans-serif; max-width: 64rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; color: #1a1a1a; }
    h1 { font-size: 1.5rem; border-bottom: 2px solid #ddd; padding-bottom: .3rem; }
    h2 { font-size: 1.2rem; margin-top: 1.6rem; }
    article { margin-bottom: 3rem; }
    code { background: #f1f1f1; padding: 0 .2em; border-radius: 3px; font-size: .92em; }
    li { margin: .15em 0; }
    details { margin: .2em 0 .4em; }
    summary { cursor: pointer; color: #36454f; }
    table { border-collapse: collapse; margin: .5rem 0; }
    th, td { border: 1px solid #ccc; padding: .2rem .5rem; text-align: left; }
    th.num, td.num { text-align: right; }
    .badge { display: inline-block; padding: 0 .4em; border-radius: 3px; font-weight: 600; font-size: .9em; border: 1px solid; }
    .tone-critical { color: #fff; background: #b00020; border-color: #b00020; }
    .tone-warning { color: #5c3b00; background: #ffe8b0; border-color: #b26a00; }
    .tone-info { color: #003a66; background: #e0efff; border-color: #1f6fb2; }
    .tone-positive { color: #0b4f1c; background: #dff5e3; border-color: #1e7b34; }
    .tone-muted { color: #4a4a4a; background: #f0f0f0; border-color: #9a9a9a; }
    .tone-open { color: #3d2b73; background: #ece6ff; border-color: #6a52b3; }
    .tone-plain { color: #1a1a1a; background: #fff; border-color: #ccc; }
    .callout { margin: 1em 0; padding: .5em 1em; border-left: 6px solid; border-radius: 3px; }
    .callout.tone-critical { font-weight: 600; }
    .callout.tone-plain { border-left-color: #888; background: #f7f7f7; }
    nav ol { columns: 2; }
    @media print { details { display: block; } }
    """
}
