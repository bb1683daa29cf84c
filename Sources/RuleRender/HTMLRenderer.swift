import RuleDiagnostics
import RuleEngine

/// Renders documents as one self-contained HTML page: no external assets, a small stylesheet,
/// every text escaped. Tones are shown by colour and by their label; collapsible details use
/// `<details>`; a page with several documents starts with a table of contents.
public struct HTMLRenderer: Sendable {
  /// How many levels every heading moves down: 0 for a report page (each document's title is an
  /// `h1`); 1 when the page has its own `h1` (the pages of `ipt serve`), so that titles are `h2`
  /// and their sections `h3`.
  public var headingOffset: Int

  /// An HTML renderer; `headingOffset` moves every heading down that many levels.
  public init(headingOffset: Int = 0) { self.headingOffset = max(0, headingOffset) }

  /// How many documents a page needs before it gets a table of contents.
  public static let contentsThreshold = 2

  /// A page holding `documents`, titled `title`. A caller that adds its own markup (the pages of
  /// `ipt serve`) gives `style` (more CSS), `prelude` and `epilogue` (HTML placed before and after
  /// the documents, which the caller has escaped); all are empty for a report.
  public func page(
    _ documents: [Document], title: String, style: String = "", prelude: String = "",
    epilogue: String = ""
  ) -> String {
    var out = """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(Self.escape(title))</title>
      <style>
      \(Self.stylesheet)\(style.isEmpty ? "" : "\n" + style)
      </style>
      </head>
      <body>

      """
    out += prelude
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
      let h = min(6, 1 + headingOffset)
      out += "<article id=\"\(anchor)\">\n<h\(h)>\(inline(document.title))</h\(h)>\n"
      for block in document.blocks { out += render(block) }
      out += "</article>\n"
    }
    return out + epilogue + "</body>\n</html>\n"
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
      case .link(let text, let target): "<a href=\"\(Self.escape(target))\">\(inline(text))</a>"
      }
    }.joined()
  }

  private func render(_ block: Block) -> String {
    switch block {
    case .heading(let text, let level):
      let n = min(6, max(2, level) + headingOffset)
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
    case .chart(let chart):
      return Self.svg(chart)
    }
  }

  /// A chart as inline SVG: band lines with their names, the baseline dashed, the scores as a
  /// line with a dot per session. Coordinates are written with one decimal, so the same chart
  /// always gives the same bytes.
  static func svg(_ chart: Chart) -> String {
    let (width, height) = (560.0, 240.0)
    let (left, right, top, bottom) = (40.0, 150.0, 12.0, 34.0)
    let plotWidth = width - left - right
    let plotHeight = height - top - bottom
    let xSpan = max(chart.xRange.upperBound - chart.xRange.lowerBound, 1)
    let ySpan = max(chart.yRange.upperBound - chart.yRange.lowerBound, 1)
    func x(_ v: Double) -> Double { left + (v - chart.xRange.lowerBound) / xSpan * plotWidth }
    func y(_ v: Double) -> Double {
      top + plotHeight - (v - chart.yRange.lowerBound) / ySpan * plotHeight
    }
    func n(_ v: Double) -> String { NumberText.format((v * 10).rounded() / 10) }
    var out =
      "<figure class=\"chart\">\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(n(width)) \(n(height))\" width=\"\(n(width))\" height=\"\(n(height))\" role=\"img\" aria-label=\"\(escape(chart.title))\">\n"
    out +=
      "<rect x=\"\(n(left))\" y=\"\(n(top))\" width=\"\(n(plotWidth))\" height=\"\(n(plotHeight))\" fill=\"#fafafa\" stroke=\"#bbb\"/>\n"
    for band in chart.bands where band.from > chart.yRange.lowerBound {
      out +=
        "<line x1=\"\(n(left))\" y1=\"\(n(y(band.from)))\" x2=\"\(n(left + plotWidth))\" y2=\"\(n(y(band.from)))\" stroke=\"#9aa5b1\" stroke-width=\"1\"/>\n"
    }
    for band in chart.bands {
      let low = max(band.from, chart.yRange.lowerBound)
      out +=
        "<text x=\"\(n(left + plotWidth + 6))\" y=\"\(n(y(low) - 3))\" font-size=\"11\" fill=\"#36454f\">\(escape(band.label)) (\(n(band.from))+)</text>\n"
    }
    if let baseline = chart.baseline {
      out +=
        "<line x1=\"\(n(left))\" y1=\"\(n(y(baseline)))\" x2=\"\(n(left + plotWidth))\" y2=\"\(n(y(baseline)))\" stroke=\"#b26a00\" stroke-width=\"1.5\" stroke-dasharray=\"5 4\"/>\n"
      out +=
        "<text x=\"\(n(left + 4))\" y=\"\(n(y(baseline) - 4))\" font-size=\"11\" fill=\"#5c3b00\">baseline \(n(baseline))</text>\n"
    }
    let path = chart.points.map { "\(n(x($0.x))),\(n(y($0.y)))" }.joined(separator: " ")
    out +=
      "<polyline points=\"\(path)\" fill=\"none\" stroke=\"#1f6fb2\" stroke-width=\"2\"/>\n"
    for p in chart.points {
      out +=
        "<circle cx=\"\(n(x(p.x)))\" cy=\"\(n(y(p.y)))\" r=\"3.5\" fill=\"#1f6fb2\"><title>\(escape(chart.xLabel)) \(n(p.x)): \(n(p.y))</title></circle>\n"
    }
    for tick in stride(from: chart.xRange.lowerBound, through: chart.xRange.upperBound, by: 1) {
      out +=
        "<text x=\"\(n(x(tick)))\" y=\"\(n(top + plotHeight + 14))\" font-size=\"10\" text-anchor=\"middle\" fill=\"#36454f\">\(n(tick))</text>\n"
    }
    for tick in [chart.yRange.lowerBound, chart.yRange.upperBound] {
      out +=
        "<text x=\"\(n(left - 6))\" y=\"\(n(y(tick) + 4))\" font-size=\"10\" text-anchor=\"end\" fill=\"#36454f\">\(n(tick))</text>\n"
    }
    out +=
      "<text x=\"\(n(left + plotWidth / 2))\" y=\"\(n(height - 4))\" font-size=\"11\" text-anchor=\"middle\" fill=\"#36454f\">\(escape(chart.xLabel))</text>\n"
    return out + "</svg>\n<figcaption>\(escape(chart.title))</figcaption>\n</figure>\n"
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
