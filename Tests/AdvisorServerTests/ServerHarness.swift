import Advisor
@testable import AdvisorServer
import AuditStore
import Foundation
import Hummingbird
import HummingbirdTesting
import RuleDiagnostics
import RuleEngine
import Synchronization
import TestSupport
import Testing

/// A server over the default pack, driven through HummingbirdTesting's router framework, with
/// its request log captured.
struct ServerHarness: Sendable {
  let server: AdvisorServer
  let lines: LogLines

  /// Lines written by the request log.
  final class LogLines: Sendable {
    let lines = Mutex<[String]>([])
    var all: [String] { lines.withLock { $0 } }
    func append(_ line: String) { lines.withLock { $0.append(line) } }
  }

  init(
    settings: ServerSettings = ServerSettings(), audit: AuditStore? = nil,
    recorder: AuditSession? = nil
  ) throws {
    let lines = LogLines()
    self.lines = lines
    server = AdvisorServer(
      advisor: try Self.advisor(), settings: settings, audit: audit, recorder: recorder,
      log: { lines.append($0) })
  }

  /// The default pack, loaded once for every test.
  static func advisor() throws -> Advisor {
    switch shared {
    case .success(let advisor): return advisor
    case .failure(let error): throw error
    }
  }

  private static let shared: Result<Advisor, any Error> = Result { try TestSupport.core() }

  /// Runs `body` with a client of the server's router.
  func test<Value: Sendable>(
    _ body: @Sendable (any TestClientProtocol) async throws -> Value
  ) async throws -> Value {
    try await server.application().test(.router, body)
  }

  /// A repository file's text.
  static func text(_ relative: String) throws -> String { try TestSupport.read(relative).text }
}

extension TestResponse {
  /// The body as text.
  var text: String { String(buffer: body) }

  /// The body as a JSON object (empty when it is not one, which the tests' expectations catch).
  func json() -> [String: Any] {
    (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
  }
}

extension ByteBuffer {
  /// A buffer holding `text`'s UTF-8 bytes.
  static func text(_ text: String) -> ByteBuffer { ByteBuffer(string: text) }
}

/// Form-encodes fields (`application/x-www-form-urlencoded`).
func formBody(_ fields: [(String, String)]) -> ByteBuffer {
  var allowed = CharacterSet.alphanumerics
  allowed.insert(charactersIn: "-._~")
  let text = fields.map { name, value in
    "\(name)=\(value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")"
  }.joined(separator: "&")
  return ByteBuffer(string: text)
}

let formHeaders: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
