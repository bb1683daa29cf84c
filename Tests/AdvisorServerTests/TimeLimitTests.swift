@testable import AdvisorServer
import Dispatch
import Foundation
import Synchronization
import Hummingbird
import HummingbirdTesting
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The per-request time limit (`--request-timeout`): a request whose handling, body read
/// included, takes longer gets 503, a JSON diagnostic for the API and a page otherwise, and the
/// request log says so.
@Suite("Time limit")
struct TimeLimitTests {
  /// Sends `head` and `body` over a raw TCP connection to the loopback `port` (so that the body
  /// can be cut short), then reads what the server answers until it closes or `seconds` pass.
  /// Runs on a thread of its own, off the cooperative pool the server needs.
  static func exchange(port: Int, _ text: String, seconds: Int = 60) async -> String {
    await withCheckedContinuation { continuation in
      Thread.detachNewThread {
        continuation.resume(returning: blockingExchange(port: port, text, seconds: seconds))
      }
    }
  }

  static func blockingExchange(port: Int, _ text: String, seconds: Int) -> String {
    #if canImport(Glibc)
      let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    #else
      let fd = socket(AF_INET, SOCK_STREAM, 0)
    #endif
    guard fd >= 0 else { return "" }
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard connected == 0 else { return "" }
    var timeout = timeval(tv_sec: seconds, tv_usec: 0)
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    let bytes = Array(text.utf8)
    _ = bytes.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) }
    var received: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
      let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
      if n <= 0 { break }
      received += buffer[0..<n]
      // One response is all this test needs.
      if let text = String(bytes: received, encoding: .utf8), let end = text.range(of: "\r\n\r\n"),
        let length = text[..<end.lowerBound].firstMatch(of: /(?i)content-length: *([0-9]+)/)
          .flatMap({ Int($0.output.1) }),
        received.count >= text.utf8.distance(from: text.startIndex, to: end.upperBound) + length
      {
        break
      }
    }
    return String(decoding: received, as: UTF8.self)
  }

  @Test(
    "a request whose body comes too slowly gets 503 within the limit, JSON or a page",
    arguments: [("/v1/evaluate", "application/json"), ("/evaluate", "text/html")])
  func slowBody(path: String, type: String) async throws {
    let harness = try ServerHarness(
      settings: ServerSettings(port: 0, requestTimeout: .milliseconds(300)))
    try await harness.server.application().test(.live) { client in
      let port = try #require(client.port)
      // Announces 1000 bytes and sends 10: the body read waits until the limit ends it.
      let start = ContinuousClock.now
      let answer = await Self.exchange(
        port: port,
        "POST \(path) HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\ncase=case:"
      )
      let elapsed = ContinuousClock.now - start
      #expect(answer.hasPrefix("HTTP/1.1 503"), "\(answer.prefix(200))")
      #expect(answer.lowercased().contains("content-type: \(type)"))
      #expect(elapsed >= .milliseconds(300))
      if type == "application/json" {
        #expect(
          answer.contains("\"code\" : \"timed-out\"") || answer.contains("\"code\":\"timed-out\""))
        #expect(answer.contains("the request took longer than 0.3 s, the time limit"))
      } else {
        #expect(answer.contains("<h1>Request timed out</h1>"))
        #expect(answer.components(separatedBy: "<h1").count == 2)
      }
    }
    let line = try #require(harness.lines.all.first { $0.hasPrefix("POST \(path) ") })
    #expect(line.contains(" 503 "))
    #expect(line.hasSuffix(" timed out after 0.3 s"))
  }

  /// Whether a piece of work has finished.
  final class Flag: Sendable {
    private let value = Mutex(false)
    var isSet: Bool { value.withLock { $0 } }
    func set() { value.withLock { $0 = true } }
  }

  @Test(
    "work that cannot be interrupted: the limit answers on time, the work ends in the background")
  func uninterruptibleWork() async throws {
    let finished = Flag()
    // The work waits for this gate, which the test opens only after the limit has answered (or,
    // should the limit never answer, a watchdog after five minutes, and the expectations fail).
    // The limit's timer is a task: while the rest of the test suite keeps Swift's cooperative
    // threads busy with synchronous work, it can fire late (the server itself runs every
    // evaluation off those threads), so the watchdog waits far longer than the whole suite runs.
    let gate = DispatchSemaphore(value: 0)
    DispatchQueue.global().asyncAfter(deadline: .now() + 300) { gate.signal() }
    let response = try await TimeLimit(duration: .milliseconds(100)).run {
      // Synchronous and blind to cancellation, like an evaluation.
      let status = try await Offload.run {
        gate.wait()
        finished.set()
        return HTTPResponse.Status.ok
      }
      return Response(status: status)
    }
    #expect(response == nil)
    #expect(!finished.isSet)
    gate.signal()
    let start = ContinuousClock.now
    while !finished.isSet && ContinuousClock.now - start < .seconds(30) {
      try await Task.sleep(for: .milliseconds(50))
    }
    #expect(finished.isSet, "the work goes on in the background")
    // Within the limit, the work's answer comes back.
    let quick = try await TimeLimit(duration: .seconds(30)).run {
      Response(status: try await Offload.run { HTTPResponse.Status.accepted })
    }
    #expect(quick?.status == .accepted)
  }

  @Test("within the limit nothing changes")
  func withinLimit() async throws {
    let harness = try ServerHarness(settings: ServerSettings(requestTimeout: .seconds(30)))
    let text = try ServerHarness.text("rules/ipt-core/cases/c01-grief-recent-death.yaml")
    try await harness.test { client in
      try await client.execute(uri: "/v1/evaluate", method: .post, body: .text(text)) {
        #expect($0.status == .ok)
      }
    }
    #expect(harness.lines.all.allSatisfy { !$0.contains("timed out") })
  }

  @Test("the limit is written in seconds as people read them")
  func seconds() {
    #expect(TimeLimit(duration: .seconds(10)).seconds == "10")
    #expect(TimeLimit(duration: .milliseconds(250)).seconds == "0.25")
    #expect(TimeLimit(duration: .milliseconds(1)).seconds == "0.001")
  }
}
