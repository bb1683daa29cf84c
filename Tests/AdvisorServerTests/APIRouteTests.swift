import Advisor
@testable import AdvisorServer
import Foundation
import Hummingbird
import HummingbirdTesting
import RuleDiagnostics
import RuleEngine
import RuleRender
import TestSupport
import Testing

@Suite("JSON API routes")
struct APIRouteTests {
  @Test(
    "POST /v1/evaluate answers with the JSON that ipt evaluate --format json prints, on one line")
  func evaluateMatchesTheCLI() async throws {
    let harness = try ServerHarness()
    let text = try ServerHarness.text("rules/ipt-core/cases/c01-grief-recent-death.yaml")
    let advisor = try ServerHarness.advisor()
    let expected = try #require(
      advisor.evaluate(SourceFile(path: "<request>", text: text)).value?.report)
    try await harness.test { client in
      try await client.execute(uri: "/v1/evaluate", method: .post, body: .text(text)) {
        #expect($0.status == .ok)
        #expect($0.headers[.contentType] == "application/json; charset=utf-8")
        #expect($0.text == JSONText.encode(expected, pretty: false))
        #expect($0.text.dropLast().contains("\n") == false)
        #expect($0.json()["schema"] as? String == "ipt-advisor/evaluation/1")
      }
    }
  }

  @Test("a case given as JSON is evaluated like its YAML")
  func evaluateJSONCase() async throws {
    let harness = try ServerHarness()
    let body = #"{"case": "json-case", "findings": {"phq9": 17, "phq9_item9": 2}}"#
    try await harness.test { client in
      try await client.execute(uri: "/v1/evaluate", method: .post, body: .text(body)) {
        #expect($0.status == .ok)
        let alerts = try #require($0.json()["alerts"] as? [[String: Any]])
        #expect(alerts.contains { $0["id"] as? String == "risk_item_positive" })
      }
    }
  }

  @Test("malformed YAML gets 400 with the diagnostic, its code, line and column")
  func malformedCase() async throws {
    let harness = try ServerHarness()
    try await harness.test { client in
      try await client.execute(
        uri: "/v1/evaluate", method: .post, body: .text("case: x\nfindings: [phq9: 3\n")
      ) {
        #expect($0.status == .badRequest)
        let diagnostics = try #require($0.json()["diagnostics"] as? [[String: Any]])
        let first = try #require(diagnostics.first)
        #expect(first["code"] as? String == "yaml-syntax")
        #expect(first["file"] as? String == "<request>")
        #expect((first["line"] as? Int ?? 0) >= 2)
        #expect(first["column"] as? Int != nil)
      }
    }
  }

  @Test("an unknown finding gets 400 with the CLI's diagnostic and hint")
  func unknownFinding() async throws {
    let harness = try ServerHarness()
    let body = "case: x\nfindings:\n  phq_9: 12\n"
    try await harness.test { client in
      try await client.execute(uri: "/v1/evaluate", method: .post, body: .text(body)) {
        #expect($0.status == .badRequest)
        let diagnostics = try #require($0.json()["diagnostics"] as? [[String: Any]])
        let first = try #require(diagnostics.first { $0["severity"] as? String == "error" })
        #expect(first["code"] as? String == "unknown-finding")
        #expect(first["line"] as? Int == 3)
        #expect(first["column"] as? Int == 3)
        #expect((first["hint"] as? String)?.contains("phq9") == true)
      }
    }
  }

  @Test("a body over the limit gets 413 with a too-large diagnostic")
  func bodyLimit() async throws {
    let harness = try ServerHarness(settings: ServerSettings(maxBodySize: 256))
    let text = try ServerHarness.text("rules/ipt-core/cases/c01-grief-recent-death.yaml")
    try await harness.test { client in
      for uri in ["/v1/evaluate", "/v1/check", "/cds-services/ipt-advisor", "/evaluate"] {
        try await client.execute(uri: uri, method: .post, body: .text(text)) {
          #expect($0.status == .contentTooLarge, "\(uri)")
          #expect($0.text.contains("too-large"), "\(uri)")
        }
      }
    }
  }

  @Test("binary and non-UTF-8 bodies are refused with 400")
  func notUTF8() async throws {
    let harness = try ServerHarness()
    try await harness.test { client in
      try await client.execute(
        uri: "/v1/evaluate", method: .post, body: ByteBuffer(bytes: [0x63, 0xFF, 0xFE, 0x00, 0x41])
      ) {
        #expect($0.status == .badRequest)
        #expect($0.json()["diagnostics"] != nil)
      }
    }
  }

  @Test("POST /v1/check answers with the JSON that ipt check --format json prints")
  func checkMatchesTheCLI() async throws {
    let harness = try ServerHarness()
    let caseText = try ServerHarness.text("rules/ipt-core/cases/c01-grief-recent-death.yaml")
    let formulation = try ServerHarness.text("formulations/f01-agree.yaml")
    let advisor = try ServerHarness.advisor()
    let run = advisor.check(
      cases: [SourceFile(path: "<case>", text: caseText)],
      formulations: [SourceFile(path: "<formulation>", text: formulation)])
    let expected = try #require(run.reports.first)
    let body = JSONText.encode(["case": caseText, "formulation": formulation])
    try await harness.test { client in
      try await client.execute(uri: "/v1/check", method: .post, body: .text(body)) {
        #expect($0.status == .ok)
        #expect($0.text == JSONText.encode(expected, pretty: false))
      }
    }
  }

  @Test(
    "a malformed check request gets 400 saying what is wrong",
    arguments: [
      ("not json", "yaml-syntax"), ("[1, 2]", "wrong-shape"),
      (#"{"case": "case: x"}"#, "missing-key"),
      (#"{"case": 3, "formulation": "x"}"#, "wrong-shape"),
    ])
  func malformedCheck(body: String, code: String) async throws {
    let harness = try ServerHarness()
    try await harness.test { client in
      try await client.execute(uri: "/v1/check", method: .post, body: .text(body)) {
        #expect($0.status == .badRequest)
        let diagnostics = try #require($0.json()["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.first?["code"] as? String == code)
      }
    }
  }

  @Test("a formulation of another case is a 400 with the mismatch diagnostic")
  func mismatchedFormulation() async throws {
    let harness = try ServerHarness()
    let caseText = try ServerHarness.text("rules/ipt-core/cases/c02-dispute-renegotiation.yaml")
    let formulation = try ServerHarness.text("formulations/f01-agree.yaml")
    let body = JSONText.encode(["case": caseText, "formulation": formulation])
    try await harness.test { client in
      try await client.execute(uri: "/v1/check", method: .post, body: .text(body)) {
        #expect($0.status == .badRequest)
        #expect($0.text.contains("formulation-case-mismatch"))
      }
    }
  }

  @Test("GET /v1/pack describes the loaded pack")
  func pack() async throws {
    let harness = try ServerHarness()
    let program = try ServerHarness.advisor().program
    try await harness.test { client in
      try await client.execute(uri: "/v1/pack", method: .get) {
        #expect($0.status == .ok)
        let json = $0.json()
        #expect(json["schema"] as? String == "ipt-advisor/pack/1")
        #expect((json["rules"] as? [Any])?.count == program.rules.count)
        let pack = try #require(json["pack"] as? [String: Any])
        #expect(pack["id"] as? String == program.pack.id)
        #expect(pack["version"] as? String == program.pack.version)
        #expect(!$0.text.contains(TestSupport.root))
      }
    }
  }

  @Test("no request can name a file: a path in the body is only text")
  func noFilePaths() async throws {
    let harness = try ServerHarness()
    try await harness.test { client in
      try await client.execute(
        uri: "/v1/evaluate", method: .post, body: .text("/etc/passwd")
      ) {
        #expect($0.status == .badRequest)
        #expect(!$0.text.contains("root:"))
      }
      try await client.execute(uri: "/v1/evaluate?file=/etc/passwd", method: .get) {
        #expect($0.status == .methodNotAllowed || $0.status == .notFound)
      }
    }
  }

  @Test("every request is logged in one line without its content")
  func requestLog() async throws {
    let harness = try ServerHarness()
    let body = "case: SECRET-PATIENT\nfindings: {phq9: 3}\n"
    try await harness.test { client in
      try await client.execute(
        uri: "/v1/evaluate?name=SECRET-QUERY", method: .post, body: .text(body)
      ) {
        #expect($0.status == .ok)
      }
      try await client.execute(uri: "/nowhere", method: .get) { _ in }
    }
    let lines = harness.lines.all
    #expect(lines.count == 2)
    #expect(lines.first?.hasPrefix("POST /v1/evaluate 200 ") == true)
    #expect(lines.first?.hasSuffix(" ms") == true)
    #expect(lines.last?.hasPrefix("GET /nowhere 404 ") == true)
    #expect(!lines.joined().contains("SECRET"))
  }
}
