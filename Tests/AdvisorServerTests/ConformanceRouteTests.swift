@testable import AdvisorServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// What scripts/schemathesis.sh and scripts/browser-test.sh found, kept fixed: 405 with `Allow`
/// for a method an API path does not answer, 400 for a CDS Hooks prefetch of the wrong shape, the
/// OpenAPI document's request examples accepted, and a search typed with spaces in a browser.
@Suite("HTTP conformance")
struct ConformanceRouteTests {
  @Test("an API path asked with another method gets 405 and Allow; OPTIONS gets 204 and Allow")
  func methodNotAllowed() async throws {
    try await ServerHarness().test { client in
      for (method, path) in Routes.api {
        let allow = "\(method.uppercased()), OPTIONS"
        for other: HTTPRequest.Method in [
          .trace, .delete, .put, .patch, method == "get" ? .post : .get,
        ] {
          try await client.execute(uri: path, method: other) {
            #expect($0.status == .methodNotAllowed, "\(other) \(path)")
            #expect($0.headers[.allow] == allow, "\(other) \(path)")
            #expect($0.headers[.contentType] == Reply.json, "\(other) \(path)")
            #expect(($0.json()["diagnostics"] as? [Any])?.count == 1, "\(other) \(path)")
          }
        }
        try await client.execute(uri: path, method: .options) {
          #expect($0.status == .noContent, "OPTIONS \(path)")
          #expect($0.headers[.allow] == allow, "OPTIONS \(path)")
        }
      }
      // Pages are not API paths: a wrong method there is still the router's 404.
      try await client.execute(uri: "/pack", method: .delete) { #expect($0.status == .notFound) }
    }
  }

  @Test("a CDS Hooks prefetch that is not an object, or a phq9 that is not a resource, is 400")
  func prefetchShape() async throws {
    let request = #"{"hook": "patient-view", "hookInstance": "x", "context": {}, "prefetch": "#
    try await ServerHarness().test { client in
      for (prefetch, status) in [
        (#"[null]"#, HTTPResponse.Status.badRequest), (#""text""#, .badRequest),
        (#"{"phq9": 5}"#, .badRequest), (#"{"phq9": []}"#, .badRequest),
        ("null", .preconditionFailed), (#"{"phq9": null}"#, .preconditionFailed),
      ] {
        try await client.execute(
          uri: "/cds-services/ipt-advisor", method: .post, body: .text(request + prefetch + "}")
        ) {
          #expect($0.status == status, "\(prefetch)")
          let diagnostics = $0.json()["diagnostics"] as? [[String: Any]]
          if status == .badRequest {
            #expect(diagnostics?.first?["code"] as? String == "wrong-shape", "\(prefetch)")
          }
        }
      }
    }
  }

  @Test("every request example of the OpenAPI document is accepted")
  func documentExamples() async throws {
    let document = try #require(
      try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.text.utf8)) as? [String: Any])
    let paths = try #require(document["paths"] as? [String: [String: [String: Any]]])
    var examples: [(path: String, body: Data)] = []
    for (path, operations) in paths {
      for operation in operations.values {
        let body = operation["requestBody"] as? [String: Any]
        for media in (body?["content"] as? [String: [String: Any]] ?? [:]).values {
          if let example = media["example"] {
            examples.append((path, try JSONSerialization.data(withJSONObject: example)))
          }
        }
      }
    }
    #expect(examples.count == 4)
    try await ServerHarness().test { [examples] client in
      for (path, body) in examples {
        try await client.execute(
          uri: path, method: .post, body: ByteBuffer(bytes: body)
        ) {
          #expect($0.status == .ok, "\(path): \($0.text.prefix(300))")
        }
      }
    }
  }

  @Test("a pack search typed with spaces (a browser sends '+') finds what it says")
  func searchWithSpaces() async throws {
    try await ServerHarness().test { client in
      for query in ["acute+suicide", "acute%20suicide"] {
        try await client.execute(uri: "/pack?q=\(query)", method: .get) {
          #expect($0.status == .ok)
          #expect($0.text.contains("match 'acute suicide'"), "\(query)")
          #expect($0.text.contains("safety.acute-suicide-risk"), "\(query)")
        }
      }
      try await client.execute(uri: "/pack?q=a%2Bb", method: .get) {
        #expect($0.text.contains("match 'a+b'"))
      }
    }
  }
}
