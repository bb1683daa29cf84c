import Advisor
@testable import AdvisorServer
import AuditStore
import Foundation
import Hummingbird
import HummingbirdTesting
import RuleDiagnostics
import RuleEngine
import Testing

@Suite("Pages")
struct PageRouteTests {
  static let payload = "<script>alert('x')</script>"

  @Test("every page is labelled HTML with headings, labels and no external asset")
  func accessiblePages() async throws {
    try await ServerHarness().test { client in
      for uri in ["/evaluate", "/check", "/pack", "/login"] {
        try await client.execute(uri: uri, method: .get) {
          #expect($0.status == .ok, "\(uri)")
          #expect($0.headers[.contentType] == "text/html; charset=utf-8")
          #expect($0.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
          let html = $0.text
          #expect(html.contains("<html lang=\"en\">"))
          #expect(html.contains("<h1>"))
          #expect(html.contains("<main id=\"main\">"))
          #expect(!html.contains("http://") && !html.contains("https://"), "\(uri)")
          #expect(!html.contains("<script"), "\(uri)")
          // Every field is labelled.
          for id in html.matches(of: /<(?:textarea|input|select) [^>]*id="([^"]+)"/).map(\.output.1)
          {
            #expect(html.contains("<label for=\"\(id)\""), "\(uri): \(id)")
          }
        }
      }
      try await client.execute(uri: "/", method: .get) {
        #expect($0.status == .seeOther)
        #expect($0.headers[.location] == "/evaluate")
      }
    }
  }

  /// The levels of a page's headings, in order.
  static func headingLevels(_ html: String) -> [Int] {
    html.matches(of: /<h([1-6])[ >]/).compactMap { Int($0.output.1) }
  }

  @Test("every page has exactly one h1, and its headings never skip a level")
  func oneHeadingOne() async throws {
    let c09 = try ServerHarness.text("rules/ipt-core/cases/c09-suicidal-grief.yaml")
    let c01 = try ServerHarness.text("rules/ipt-core/cases/c01-grief-recent-death.yaml")
    let f01 = try ServerHarness.text("formulations/f01-agree.yaml")
    let gets = ["/evaluate", "/check", "/pack", "/pack?q=grief", "/login", "/review", "/review/1"]
    let posts: [(String, [(String, String)])] = [
      ("/evaluate", [("case", c09)]),
      ("/evaluate", [("case", "case: x\nfindings: {phq_9: 1}\n")]),
      ("/evaluate/form", [("case-id", "x"), ("phq9", "12")]),
      ("/check", [("case", c01), ("formulation", f01)]),
      ("/check/form", [("case-file", c01), ("formulation-by", "t"), ("focus", "grief")]),
      ("/review/1", [("decision", "accept")]),
    ]
    try await ServerHarness(audit: try ReviewRouteTests.store()).test { client in
      var pages: [(String, String)] = []
      for uri in gets {
        pages.append((uri, try await client.execute(uri: uri, method: .get) { $0.text }))
      }
      for (uri, fields) in posts {
        pages.append(
          (
            "POST \(uri)",
            try await client.execute(
              uri: uri, method: .post, headers: formHeaders, body: formBody(fields)
            ) { $0.text }
          ))
      }
      for (uri, html) in pages {
        let levels = Self.headingLevels(html)
        #expect(levels.filter { $0 == 1 }.count == 1, "\(uri): \(levels)")
        #expect(levels.first == 1, "\(uri)")
        for (previous, next) in zip(levels, levels.dropFirst()) {
          #expect(next <= previous + 1, "\(uri): h\(previous) then h\(next)")
        }
      }
    }
  }

  @Test("the evaluate page shows a critical alert before any suggestion")
  func evaluateAlertsFirst() async throws {
    let text = try ServerHarness.text("rules/ipt-core/cases/c09-suicidal-grief.yaml")
    try await ServerHarness().test { client in
      try await client.execute(
        uri: "/evaluate", method: .post, headers: formHeaders, body: formBody([("case", text)])
      ) {
        #expect($0.status == .ok)
        let html = $0.text
        let alert = try #require(html.range(of: "tone-critical"))
        let focus = try #require(html.range(of: "PROBLEM-AREA FOCUS", options: .caseInsensitive))
        #expect(alert.lowerBound < focus.lowerBound)
        // The case stays in the form, escaped.
        #expect(html.contains("c09-suicidal-grief"))
      }
    }
  }

  @Test("script payloads in every field of every form come back escaped")
  func escaping() async throws {
    let payload = Self.payload
    try await ServerHarness().test { client in
      let posts: [(String, [(String, String)])] = [
        ("/evaluate", [("case", payload)]),
        ("/evaluate", [("case", "case: \(payload)\nfindings: {\(payload): 1}\n")]),
        ("/check", [("case", payload), ("formulation", payload)]),
        (
          "/check",
          [
            ("case", "case: x\nfindings: {phq9: 3}\n"),
            ("formulation", "formulation: \(payload)\n"),
          ]
        ),
      ]
      for (uri, fields) in posts {
        try await client.execute(
          uri: uri, method: .post, headers: formHeaders, body: formBody(fields)
        ) {
          #expect($0.status == .badRequest, "\(uri)")
          #expect(!$0.text.contains("<script>"), "\(uri)")
          #expect($0.text.contains("&lt;script&gt;"), "\(uri)")
        }
      }
      let query = payload.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
      try await client.execute(uri: "/pack?q=\(query)", method: .get) {
        #expect($0.status == .ok)
        #expect(!$0.text.contains("<script>"))
        #expect($0.text.contains("&lt;script&gt;"))
      }
    }
  }

  @Test("the check page shows the agreement report")
  func checkPage() async throws {
    let caseText = try ServerHarness.text("rules/ipt-core/cases/c01-grief-recent-death.yaml")
    let formulation = try ServerHarness.text("formulations/f01-agree.yaml")
    try await ServerHarness().test { client in
      try await client.execute(
        uri: "/check", method: .post, headers: formHeaders,
        body: formBody([("case", caseText), ("formulation", formulation)])
      ) {
        #expect($0.status == .ok)
        #expect($0.text.contains("<article"))
        #expect($0.text.localizedCaseInsensitiveContains("agreed"))
      }
    }
  }

  @Test("the pack page finds rules by id, by finding and by text")
  func packSearch() async throws {
    let program = try ServerHarness.advisor().program
    try await ServerHarness().test { client in
      try await client.execute(uri: "/pack", method: .get) {
        #expect($0.text.contains("\(program.rules.count) of \(program.rules.count) rules"))
      }
      try await client.execute(uri: "/pack?q=phq9_item9", method: .get) {
        let html = $0.text
        #expect(html.contains("phq9_item9"))
        #expect(!html.contains("\(program.rules.count) of \(program.rules.count) rules"))
        let reading = program.rules.filter {
          $0.conditions.contains { $0.text.contains("phq9_item9") }
        }
        for rule in reading { #expect(html.contains(rule.id)) }
      }
      try await client.execute(uri: "/pack?q=grief.significant-death", method: .get) {
        #expect($0.text.contains("1 of \(program.rules.count) rules"))
      }
      try await client.execute(uri: "/pack?q=no-such-words-anywhere", method: .get) {
        #expect($0.text.contains("0 of \(program.rules.count) rules"))
      }
    }
  }
}
