import RuleDiagnostics
import Advisor
@testable import AdvisorServer
import Foundation
import Hummingbird
import HummingbirdTesting
import RuleEngine
import Testing

@Suite("OpenAPI document")
struct OpenAPITests {
  static func documented() throws -> Set<String> {
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.text.utf8)) as? [String: Any])
    #expect(json["openapi"] as? String == "3.1.0")
    let paths = try #require(json["paths"] as? [String: [String: Any]])
    return Set(paths.flatMap { path, methods in methods.keys.map { "\($0) \(path)" } })
  }

  @Test("the document lists exactly the API's routes")
  func pathsMatchRoutes() throws {
    #expect(try Self.documented() == Set(Routes.api.map { "\($0.method) \($0.path)" }))
  }

  @Test("every documented route answers, and /openapi.json serves the document")
  func documentedRoutesExist() async throws {
    try await ServerHarness().test { client in
      for (method, path) in Routes.api {
        try await client.execute(
          uri: path, method: method == "post" ? .post : .get, body: .text("{}")
        ) {
          #expect($0.status != .notFound && $0.status != .methodNotAllowed, "\(method) \(path)")
        }
      }
      try await client.execute(uri: "/openapi.json", method: .get) {
        #expect($0.text == OpenAPIDocument.text)
      }
    }
  }
}
