import RuleDiagnostics
import Advisor
@testable import AdvisorServer
import Foundation
import Hummingbird
import HummingbirdTesting
import RuleRender
import RuleEngine
import Testing

@Suite("CDS Hooks 2.0 service")
struct CDSHooksTests {
  /// A PHQ-9 QuestionnaireResponse with the LOINC answer codes of `scores` (items 1 to 9).
  static func questionnaireResponse(_ scores: [Int], total: Int? = nil) -> JSONValue {
    let codes = ["LA6568-5", "LA6569-3", "LA6570-1", "LA6571-9"]
    var items: [JSONValue] = zip(PHQ9Response.items, scores).map { code, score in
      .object([
        "linkId": .string("/\(code)"),
        "answer": .array([
          .object([
            "valueCoding": .object([
              "system": .string("http://loinc.org"), "code": .string(codes[score]),
            ])
          ])
        ]),
      ])
    }
    if let total {
      items.append(
        .object([
          "linkId": .string("total"),
          "code": .array([
            .object(["system": .string("http://loinc.org"), "code": .string(PHQ9Response.total)])
          ]),
          "answer": .array([.object(["valueInteger": .number(Double(total))])]),
        ]))
    }
    return .object([
      "resourceType": .string("QuestionnaireResponse"), "id": .string("qr-1"),
      "status": .string("completed"),
      "questionnaire": .string("http://loinc.org/q/44249-1"),
      "item": .array([.object(["linkId": .string("phq9-group"), "item": .array(items)])]),
    ])
  }

  /// A patient-view request shaped like the specification's example, with `prefetch`.
  static func request(prefetch: [String: JSONValue], hook: String = "patient-view") -> String {
    RequestInput.encoded(
      .object([
        "hookInstance": .string("d1577c69-dfbe-44ad-ba6d-3e05e953b2ea"),
        "fhirServer": .string("https://fhir.example.org"),
        "hook": .string(hook),
        "context": .object([
          "userId": .string("Practitioner/example"), "patientId": .string("1288992"),
          "encounterId": .string("89284"),
        ]),
        "prefetch": .object(prefetch),
      ]))
  }

  func cards(_ body: String) async throws -> (HTTPResponse.Status, [[String: Any]]) {
    let (status, text) = try await ServerHarness().test { client in
      try await client.execute(uri: "/cds-services/ipt-advisor", method: .post, body: .text(body)) {
        response in (response.status, response.text)
      }
    }
    let json = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
    return (status, json?["cards"] as? [[String: Any]] ?? [])
  }

  @Test("discovery names the service, its hook, title, description and prefetch template")
  func discovery() async throws {
    try await ServerHarness().test { client in
      try await client.execute(uri: "/cds-services", method: .get) {
        #expect($0.status == .ok)
        let services = try #require($0.json()["services"] as? [[String: Any]])
        let service = try #require(services.first)
        #expect(services.count == 1)
        #expect(service["id"] as? String == "ipt-advisor")
        #expect(service["hook"] as? String == "patient-view")
        #expect((service["title"] as? String)?.isEmpty == false)
        #expect((service["description"] as? String)?.isEmpty == false)
        let prefetch = try #require(service["prefetch"] as? [String: String])
        #expect(prefetch["phq9"]?.contains("{{context.patientId}}") == true)
        #expect(prefetch["phq9"]?.contains("44249-1") == true)
      }
    }
  }

  @Test("a PHQ-9 with item 9 answered gives the warning card first, then the formulation")
  func phq9Cards() async throws {
    let body = Self.request(prefetch: [
      "phq9": Self.questionnaireResponse([2, 2, 2, 2, 2, 2, 2, 1, 2])
    ])
    let (status, cards) = try await cards(body)
    #expect(status == .ok)
    #expect(cards.count >= 2)
    #expect(cards.first?["indicator"] as? String == "warning")
    #expect((cards.first?["summary"] as? String)?.contains("alert") == true)
    let last = try #require(cards.last)
    #expect((last["summary"] as? String)?.hasPrefix("IPT formulation") == true)
    #expect(last["indicator"] as? String == "info")
    let program = try ServerHarness.advisor().program
    for card in cards {
      let summary = try #require(card["summary"] as? String)
      #expect(summary.count < 140)
      #expect(card["detail"] is String)
      let source = try #require(card["source"] as? [String: Any])
      #expect(
        source["label"] as? String == "ipt-advisor, pack \(program.pack.id) \(program.pack.version)"
      )
    }
  }

  @Test("a case with a critical alert: critical card first, formulation deferred pending safety")
  func criticalCase() async throws {
    let text = try ServerHarness.text("rules/ipt-core/cases/c09-suicidal-grief.yaml")
    let (status, cards) = try await cards(Self.request(prefetch: ["iptCase": .string(text)]))
    #expect(status == .ok)
    #expect(cards.first?["indicator"] as? String == "critical")
    let indicators = cards.dropLast().compactMap { $0["indicator"] as? String }
    let rank = ["critical": 2, "warning": 1, "info": 0]
    #expect(indicators.map { rank[$0] ?? -1 } == indicators.map { rank[$0] ?? -1 }.sorted(by: >))
    #expect((cards.last?["summary"] as? String)?.contains("deferred pending safety") == true)
  }

  @Test("a case without alerts gives only the formulation card, provisional when the engine says")
  func formulationOnly() async throws {
    let text = try ServerHarness.text("rules/ipt-core/cases/c01-grief-recent-death.yaml")
    let advisor = try ServerHarness.advisor()
    let report = try #require(advisor.evaluate(.init(path: "<case>", text: text)).value?.report)
    let (status, cards) = try await cards(Self.request(prefetch: ["iptCase": .string(text)]))
    #expect(status == .ok)
    #expect(cards.count == report.alerts.count + 1)
    let provisional = report.outputs.contains { $0.values.contains { $0.provisional == true } }
    let summary = try #require(cards.last?["summary"] as? String)
    #expect(summary.contains(provisional ? "(provisional)" : "(proposed)"))
  }

  @Test("a request without usable prefetch gets 412; a wrong hook or shape gets 400")
  func refusals() async throws {
    let (missing, _) = try await cards(
      Self.request(prefetch: ["patient": .object(["resourceType": .string("Patient")])]))
    #expect(missing == .preconditionFailed)
    let (hook, _) = try await cards(
      Self.request(prefetch: [:], hook: "order-select"))
    #expect(hook == .badRequest)
    let (shape, _) = try await cards(#"{"hook": "patient-view"}"#)
    #expect(shape == .badRequest)
    let (broken, _) = try await cards(
      Self.request(prefetch: ["iptCase": .string("case: x\nfindings: {phq_9: 3}\n")]))
    #expect(broken == .badRequest)
  }

  @Test("PHQ-9 answers map to the pack's findings: items summed, the total item preferred")
  func phq9Mapping() throws {
    let summed = try #require(
      PHQ9Response(Self.questionnaireResponse([3, 3, 3, 3, 3, 3, 3, 3, 1])))
    #expect(summed.total == 25)
    #expect(summed.item9 == 1)
    let withTotal = try #require(
      PHQ9Response(Self.questionnaireResponse([0, 0, 0, 0, 0, 0, 0, 0, 0], total: 7)))
    #expect(withTotal.total == 7)
    #expect(withTotal.item9 == 0)
    let partial = try #require(PHQ9Response(Self.questionnaireResponse([1, 1, 1])))
    #expect(partial.total == nil)
    #expect(partial.item9 == nil)
    let bundle: JSONValue = .object([
      "resourceType": .string("Bundle"),
      "entry": .array([
        .object(["resource": Self.questionnaireResponse([1, 1, 1, 1, 1, 1, 1, 1, 1])])
      ]),
    ])
    #expect(PHQ9Response(bundle)?.total == 9)
    #expect(PHQ9Response(.object(["resourceType": .string("Patient")])) == nil)
    #expect(summed.caseText(id: "x").contains(#""phq9":25"#))
  }

  @Test("card summaries are cut below 140 characters")
  func clipped() {
    let long = String(repeating: "a", count: 300)
    #expect(CDSCard.clipped(long).count == 139)
    #expect(CDSCard.clipped("short") == "short")
  }
}
