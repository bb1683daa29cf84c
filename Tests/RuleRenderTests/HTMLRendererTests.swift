import RuleRender
import TestSupport
import Testing

@Suite("HTML renderer")
struct HTMLRendererTests {
  static let document = Document(
    title: Text([.strong("Title <x>")]), anchor: "case <1>",
    blocks: [
      .callout("A quote & more", .plain),
      .callout("Act first", .critical),
      .list(
        [
          ListItem(
            Text([.plain("one "), .code("a < b"), .plain(" "), .badge("critical", .critical)]),
            children: [
              .details(
                summary: "evidence", [.list([ListItem(Text([.strong("nested")]))], ordered: false)])
            ]),
          ListItem("two"),
        ], ordered: false),
      .list([ListItem("first"), ListItem("second")], ordered: true),
      .table(Table(header: ["name", "n"], rows: [[Text("a|b"), Text("3")]])),
      .paragraph("after <script>alert(1)</script>"),
    ], badge: .badge("critical alert", .critical))

  @Test("blocks become real HTML; every text from input is escaped")
  func rendersBlocks() {
    let html = HTMLRenderer().page([Self.document], title: "T & T")
    #expect(html.hasPrefix("<!DOCTYPE html>"))
    #expect(html.contains("<title>T &amp; T</title>"))
    #expect(html.contains("<article id=\"case--1-\">"))
    #expect(html.contains("<h1><strong>Title &lt;x&gt;</strong></h1>"))
    #expect(html.contains("<div class=\"callout tone-plain\">A quote &amp; more</div>"))
    #expect(html.contains("<div class=\"callout tone-critical\" role=\"alert\">Act first</div>"))
    #expect(
      html.contains(
        "<li>one <code>a &lt; b</code> <span class=\"badge tone-critical\">critical</span>"))
    #expect(
      html.contains(
        "<details>\n<summary>evidence</summary>\n<ul>\n<li><strong>nested</strong></li>\n</ul>\n</details>"
      ))
    #expect(html.contains("<ol>\n<li>first</li>\n<li>second</li>\n</ol>"))
    #expect(html.contains("<th scope=\"col\">name</th><th scope=\"col\" class=\"num\">n</th>"))
    #expect(html.contains("<td>a|b</td><td class=\"num\">3</td>"))
    #expect(html.contains("<p>after &lt;script&gt;alert(1)&lt;/script&gt;</p>"))
    #expect(!html.contains("<script"))
    #expect(!html.contains("<nav"), "one document has no table of contents")
  }

  @Test("a page of several documents starts with a table of contents that flags critical alerts")
  func contents() {
    var second = Self.document
    second.anchor = "other"
    second.blocks = [.list([ListItem("calm")], ordered: false)]
    second.badge = nil
    let html = HTMLRenderer().page([Self.document, second], title: "two")
    #expect(html.contains("<nav aria-labelledby=\"contents\">"))
    #expect(
      html.contains(
        "<li><a href=\"#case--1-\"><strong>Title &lt;x&gt;</strong></a> <span class=\"badge tone-critical\">critical alert</span></li>"
      ))
    #expect(html.contains("<li><a href=\"#other\"><strong>Title &lt;x&gt;</strong></a></li>"))
  }

  @Test("Markdown escapes HTML from input files and keeps code literal")
  func markdownEscapes() {
    let markdown = MarkdownRenderer().render(Self.document)
    #expect(markdown.contains("after &lt;script&gt;alert(1)&lt;/script&gt;"))
    #expect(markdown.contains("`a < b`"))
    #expect(markdown.contains("| a\\|b | 3 |"))
    #expect(markdown.contains("> **Act first**"))
  }

  @Test("text shows badges in brackets and indents nested lists")
  func text() {
    let text = TextRenderer().render(Self.document)
    #expect(text.contains("  one a < b [critical]\n    nested\n  two\n"))
    #expect(text.contains("  1. first\n  2. second\n"))
    #expect(text.contains("\n!! Act first\n"))
    #expect(!text.contains("\u{1B}["))
    #expect(
      TextRenderer(colour: true).render(Self.document).contains("\u{1B}[1;31m[critical]\u{1B}[0m"))
  }

  @Test("the HTML report of a deferred case matches its golden file")
  func golden() throws {
    let report = try ReportGoldenTests.report("rules/ipt-core/cases/c09-suicidal-grief.yaml")
    let html = HTMLRenderer().page([ReportGoldenTests.documents.evaluation(report)], title: "c09")
    if let problem = Snapshot.check(html, named: "alert-deferred.html", target: "RuleRenderTests") {
      Issue.record(Comment(rawValue: problem))
    }
    #expect(html.contains("<span class=\"badge tone-critical\">critical</span> Acute suicide risk"))
    #expect(html.contains("<details>"))
  }

  @Test("a course's HTML report draws the scores as an inline SVG chart with bands and baseline")
  func courseChart() throws {
    let report = try ReportGoldenTests.report("rules/ipt-core/cases/c43-course-non-responder.yaml")
    let html = HTMLRenderer().page([ReportGoldenTests.documents.evaluation(report)], title: "c43")
    if let problem = Snapshot.check(html, named: "course.html", target: "RuleRenderTests") {
      Issue.record(Comment(rawValue: problem))
    }
    #expect(
      html.split(separator: "<svg ", omittingEmptySubsequences: false).count == 2,
      "one chart: one banded instrument")
    #expect(
      html.contains("role=\"img\" aria-label=\"phq9 over the course: 8 scores against its bands\""))
    #expect(html.contains(">moderately severe (15+)</text>"))
    #expect(html.contains(">baseline 19</text>"))
    #expect(
      html.split(separator: "<circle ", omittingEmptySubsequences: false).count == 9,
      "a dot per scored session")
    #expect(!html.contains("http://") || html.contains("xmlns=\"http://www.w3.org/2000/svg\""))
    let course = try #require(report.course?.first)
    let phq9 = try #require(course.instruments.first)
    #expect(phq9.baseline == 19 && phq9.latest == 17 && phq9.lowest == 17 && phq9.change == -2)
    #expect(phq9.percentChange == -10.5 && phq9.latestBand == "moderately severe")
    #expect(course.rows[4].values[2] == "no", "the missed session")
  }

  @Test("a link is an escaped anchor in HTML and its bare text elsewhere")
  func links() {
    let document = Document(
      title: "t",
      blocks: [
        .paragraph(
          Text([.plain("ask "), .link(Text([.code("phq9 <x>")]), target: "#field-\"><x>")]))
      ])
    let html = HTMLRenderer().page([document], title: "t")
    #expect(
      html.contains(
        "<p>ask <a href=\"#field-&quot;&gt;&lt;x&gt;\"><code>phq9 &lt;x&gt;</code></a></p>"))
    #expect(TextRenderer().render(document).contains("ask phq9 <x>\n"))
    #expect(MarkdownRenderer().render(document).contains("ask `phq9 <x>`\n"))
    #expect(Text([.link(Text("a"), target: "#b")]).plain == "a")
  }

  @Test("a heading offset moves every heading down, for a page that has its own h1")
  func headingOffset() {
    let document = Document(title: "t", blocks: [.heading("s", level: 2), .heading("u", level: 3)])
    let html = HTMLRenderer(headingOffset: 1).page([document], title: "t")
    #expect(
      html.contains("<h2>t</h2>") && html.contains("<h3>s</h3>") && html.contains("<h4>u</h4>"))
    #expect(!html.contains("<h1"))
    #expect(HTMLRenderer().page([document], title: "t").contains("<h1>t</h1>\n<h2>s</h2>"))
  }

  @Test("a report links what it asks about to form fields only when asked to")
  func fieldAnchors() throws {
    let report = try ReportGoldenTests.report("rules/ipt-core/cases/c08-mostly-missing-data.yaml")
    let plain = HTMLRenderer().page([ReportDocument().evaluation(report)], title: "c08")
    #expect(!plain.contains("<a href=\"#field-"))
    let linked = HTMLRenderer().page(
      [ReportDocument(fieldAnchor: "field-").evaluation(report)], title: "c08")
    let first = try #require(report.askNext.first)
    #expect(
      linked.contains("<a href=\"#field-\(first.finding)\"><code>\(first.finding)</code></a>"))
    // Text and Markdown are the same either way.
    #expect(
      TextRenderer().render(ReportDocument(fieldAnchor: "field-").evaluation(report))
        == TextRenderer().render(ReportDocument().evaluation(report)))
    #expect(
      MarkdownRenderer().render(ReportDocument(fieldAnchor: "field-").evaluation(report))
        == MarkdownRenderer().render(ReportDocument().evaluation(report)))
  }
}
