import Foundation
import Synchronization

/// Who may use the server: the bearer token (when one is set), the browser sessions opened by
/// the login form, and the CSRF token that every state-changing form carries.
final class Access: Sendable {
  /// The session cookie's name.
  static let cookie = "ipt_session"

  /// The bearer token, or nil when none is needed (loopback without `--token`).
  let token: String?
  /// The token that forms carry against cross-site requests (random per server start).
  let csrf: String
  private let sessions = Mutex<Set<String>>([])

  init(token: String?) {
    self.token = token
    csrf = Self.random()
  }

  /// 32 random bytes as hexadecimal text.
  static func random() -> String {
    var generator = SystemRandomNumberGenerator()
    return (0..<32).map { _ in
      String(format: "%02x", UInt8.random(in: .min ... .max, using: &generator))
    }
    .joined()
  }

  /// Compares two secrets in time that does not depend on where they differ.
  static func same(_ a: String, _ b: String) -> Bool {
    let x = Array(a.utf8)
    let y = Array(b.utf8)
    var difference = UInt8(x.count == y.count ? 0 : 1)
    for i in 0..<max(x.count, y.count) {
      difference |= (i < x.count ? x[i] : 0) ^ (i < y.count ? y[i] : 0)
    }
    return difference == 0
  }

  /// Whether a request with this `Authorization` header and session cookie may proceed.
  func allows(authorization: String?, session: String?) -> Bool {
    guard let token else { return true }
    if let authorization, authorization.hasPrefix("Bearer ") {
      return Self.same(String(authorization.dropFirst("Bearer ".count)), token)
    }
    if let session { return sessions.withLock { $0.contains(session) } }
    return false
  }

  /// Opens a browser session when `given` is the token; returns the session's id.
  func login(_ given: String) -> String? {
    guard let token, Self.same(given, token) else { return nil }
    let session = Self.random()
    sessions.withLock { _ = $0.insert(session) }
    return session
  }

  /// Whether a form's CSRF field is this server's.
  func validCSRF(_ given: String?) -> Bool {
    given.map { Self.same($0, csrf) } ?? false
  }
}
