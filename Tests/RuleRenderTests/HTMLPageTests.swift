import RuleRender
import TestSupport
import Testing

@Suite("HTML page")
struct HTMLPageTests {
  @Test("headings, nested lists, quotes, code and bold become HTML; text is escaped")
  func convertsTheSubset() {
    let markdown = """
      # Title <x>

      > A **quote**

      - one `a < b`
        - nested **bold**
      - two
      1. first
      2. second
      after
      """
    let html = HTMLPage.render(markdown: markdown, title: "T & T")
    #expect(html.contains("<title>T &amp; T</title>"))
    #expect(html.contains("<h1>Title &lt;x&gt;</h1>"))
    #expect(html.contains("<blockquote>A <strong>quote</strong></blockquote>"))
    #expect(html.contains("<li>one <code>a &lt; b</code>\n<ul>\n<li>nested <strong>bold</strong></li></ul>\n</li>\n<li>two</li></ul>"))
    #expect(html.contains("<ol>\n<li>first</li>\n<li>second</li></ol>\n<p>after</p>"))
  }

  @Test("the HTML report of a deferred case matches its golden file")
  func golden() throws {
    let report = try ReportGoldenTests.report("rules/ipt-core/cases/c09-suicidal-grief.yaml")
    let html = HTMLPage.render(markdown: ReportRenderer(style: .markdown).render(report), title: "c09")
    if let problem = Snapshot.check(html, named: "alert-deferred.html", target: "RuleRenderTests") {
      Issue.record(Comment(rawValue: problem))
    }
  }
}
