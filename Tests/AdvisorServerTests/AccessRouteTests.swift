import RuleDiagnostics
import Advisor
@testable import AdvisorServer
import Hummingbird
import HummingbirdTesting
import RuleEngine
import Testing

@Suite("Token, login and CORS")
struct AccessRouteTests {
  static let token = "s3cret-token-for-tests"

  func harness() throws -> ServerHarness {
    try ServerHarness(settings: ServerSettings(host: "0.0.0.0", token: Self.token))
  }

  @Test("with a token set, the API answers 401 without it and with a wrong one")
  func unauthorized() async throws {
    try await harness().test { client in
      try await client.execute(uri: "/v1/pack", method: .get) {
        #expect($0.status == .unauthorized)
        #expect($0.headers[.wwwAuthenticate] == "Bearer")
        #expect($0.json()["diagnostics"] != nil)
      }
      try await client.execute(
        uri: "/v1/pack", method: .get, headers: [.authorization: "Bearer wrong"]
      ) { #expect($0.status == .unauthorized) }
      try await client.execute(
        uri: "/cds-services", method: .get, headers: [.authorization: "Basic \(Self.token)"]
      ) { #expect($0.status == .unauthorized) }
      try await client.execute(
        uri: "/v1/pack", method: .get, headers: [.authorization: "Bearer \(Self.token)"]
      ) { #expect($0.status == .ok) }
    }
  }

  @Test("a page without the token redirects to the login form, which sets a strict cookie")
  func login() async throws {
    try await harness().test { client in
      try await client.execute(uri: "/evaluate", method: .get) {
        #expect($0.status == .seeOther)
        #expect($0.headers[.location] == "/login")
      }
      try await client.execute(uri: "/login", method: .get) {
        #expect($0.status == .ok)
        #expect($0.text.contains("<label for=\"token\">"))
      }
      try await client.execute(
        uri: "/login", method: .post, headers: formHeaders, body: formBody([("token", "nope")])
      ) { #expect($0.status == .unauthorized) }
      let cookie = try await client.execute(
        uri: "/login", method: .post, headers: formHeaders,
        body: formBody([("token", Self.token)])
      ) { response in
        #expect(response.status == .seeOther)
        let header = try #require(response.headers[.setCookie])
        #expect(header.contains("HttpOnly"))
        #expect(header.contains("SameSite=Strict"))
        return String(header.prefix { $0 != ";" })
      }
      try await client.execute(uri: "/evaluate", method: .get, headers: [.cookie: cookie]) {
        #expect($0.status == .ok)
      }
      try await client.execute(
        uri: "/evaluate", method: .get, headers: [.cookie: "ipt_session=forged"]
      ) { #expect($0.status == .seeOther) }
    }
  }

  @Test("a CORS preflight of the CDS Hooks service is answered without the token")
  func preflight() async throws {
    try await harness().test { client in
      try await client.execute(
        uri: "/cds-services/ipt-advisor", method: .options,
        headers: [
          .origin: "https://ehr.example.org", .accessControlRequestMethod: "POST",
          .accessControlRequestHeaders: "authorization, content-type",
        ]
      ) {
        #expect($0.status == .noContent)
        #expect($0.headers[.accessControlAllowOrigin] == "https://ehr.example.org")
        #expect($0.headers[.accessControlAllowMethods]?.contains("POST") == true)
        #expect($0.headers[.accessControlAllowHeaders]?.contains("Authorization") == true)
        #expect($0.headers[.accessControlAllowHeaders]?.contains("Content-Type") == true)
      }
    }
  }

  @Test("CDS Hooks responses carry CORS headers; the JSON API and pages do not")
  func corsOnlyForCDSHooks() async throws {
    let harness = try ServerHarness()
    try await harness.test { client in
      let origin: HTTPFields = [.origin: "https://ehr.example.org"]
      try await client.execute(uri: "/cds-services", method: .get, headers: origin) {
        #expect($0.status == .ok)
        #expect($0.headers[.accessControlAllowOrigin] == "https://ehr.example.org")
        #expect($0.headers[.accessControlExposeHeaders] != nil)
      }
      try await client.execute(uri: "/v1/pack", method: .get, headers: origin) {
        #expect($0.headers[.accessControlAllowOrigin] == nil)
      }
    }
  }

  @Test("loopback addresses are told apart from others")
  func loopback() {
    #expect(ServerSettings.isLoopback("127.0.0.1"))
    #expect(ServerSettings.isLoopback("localhost"))
    #expect(ServerSettings.isLoopback("::1"))
    #expect(!ServerSettings.isLoopback("0.0.0.0"))
    #expect(!ServerSettings.isLoopback("192.168.1.4"))
  }

  @Test("secrets compare equal only when identical")
  func constantTimeCompare() {
    #expect(Access.same("abc", "abc"))
    #expect(!Access.same("abc", "abd"))
    #expect(!Access.same("abc", "abcd"))
    #expect(!Access.same("", "a"))
  }
}
