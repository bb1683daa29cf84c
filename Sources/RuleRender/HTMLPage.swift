import Foundation

/// A self-contained HTML page from the Markdown that the report renderers write (headings,
/// nested `- ` lists, `1. ` lists, `> ` quotes, `**bold**` and `` `code` ``). The renderers
/// write only this subset, so no general Markdown parser is needed.
public enum HTMLPage {
  /// Wraps converted Markdown in a page with a small stylesheet; `title` goes in `<title>`.
  public static func render(markdown: String, title: String) -> String {
    var out = """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <title>\(escape(title))</title>
      <style>
      body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; }
      code { background: #f3f3f3; padding: 0 .2em; border-radius: 3px; }
      blockquote { border-left: 4px solid #c33; margin: 1em 0; padding: .2em 1em; background: #fff4f4; }
      li { margin: .15em 0; }
      </style>
      </head>
      <body>

      """
    // Open lists, innermost last; each has an open <li>.
    var open: [(indent: Int, tag: String)] = []
    func closeTop() {
      guard let last = open.popLast() else { return }
      out += "</li></\(last.tag)>\n"
    }
    for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
      let text = String(line)
      let indent = text.prefix { $0 == " " }.count
      let body = String(text.dropFirst(indent))
      if body.isEmpty { continue }
      var tag: String?
      var content = body
      if body.hasPrefix("- ") {
        tag = "ul"
        content = String(body.dropFirst(2))
      } else if let dot = body.firstIndex(of: "."), !body[..<dot].isEmpty, body[..<dot].allSatisfy(\.isNumber),
        body[body.index(after: dot)...].hasPrefix(" ")
      {
        tag = "ol"
        content = String(body[body.index(dot, offsetBy: 2)...])
      }
      guard let tag else {
        while !open.isEmpty { closeTop() }
        if body.hasPrefix("#") {
          let level = min(6, body.prefix { $0 == "#" }.count)
          out += "<h\(level)>\(inline(String(body.dropFirst(level + 1))))</h\(level)>\n"
        } else if body.hasPrefix("> ") {
          out += "<blockquote>\(inline(String(body.dropFirst(2))))</blockquote>\n"
        } else {
          out += "<p>\(inline(body))</p>\n"
        }
        continue
      }
      while let last = open.last, last.indent > indent { closeTop() }
      if let last = open.last, last.indent == indent {
        if last.tag == tag {
          out += "</li>\n"
        } else {
          closeTop()
          out += "<\(tag)>\n"
          open.append((indent, tag))
        }
      } else {
        out += "\n<\(tag)>\n"
        open.append((indent, tag))
      }
      out += "<li>" + inline(content)
    }
    while !open.isEmpty { closeTop() }
    return out + "</body>\n</html>\n"
  }

  static func escape(_ text: String) -> String {
    var out = ""
    for c in text {
      switch c {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      default: out.append(c)
      }
    }
    return out
  }

  /// `code` spans first (their text stays literal), then **bold** in the rest.
  static func inline(_ text: String) -> String {
    var out = ""
    for (index, part) in text.split(separator: "`", omittingEmptySubsequences: false).enumerated() {
      if index % 2 == 1 {
        out += "<code>\(escape(String(part)))</code>"
      } else {
        let pieces = escape(String(part)).components(separatedBy: "**")
        for (k, piece) in pieces.enumerated() {
          if k % 2 == 0 {
            out += piece
          } else if k < pieces.count - 1 {
            out += "<strong>\(piece)</strong>"
          } else {
            out += "**" + piece  // an unmatched ** stays as written
          }
        }
      }
    }
    return out
  }
}
