import Foundation
import TestSupport
import Testing

/// `ipt serve` as a user starts and stops it (the routes are tested in AdvisorServerTests).
@Suite("ipt serve")
struct ServeCLITests {
  @Test("binding an address other than loopback without --token is a usage error (64)")
  func tokenRequiredOffLoopback() throws {
    let run = try CLITests.ipt(["serve", "--host", "0.0.0.0"])
    #expect(run.status == 64)
    #expect(run.stderr.contains("--token FILE"))
  }

  @Test("a request timeout that is not a positive number of seconds is a usage error (64)")
  func badRequestTimeout() throws {
    for value in ["0", "-1", "nan"] {
      let run = try CLITests.ipt(["serve", "--request-timeout", value])
      #expect(run.status == 64, "\(value)")
    }
    #expect(
      try CLITests.ipt(["serve", "--request-timeout", "0"]).stderr.contains("--request-timeout"))
  }

  @Test("a token file that is missing or too short is a usage error (64)")
  func badTokenFile() throws {
    let scratch = try Scratch("serve-token")
    try scratch.write("short.txt", "abc\n")
    #expect(try CLITests.ipt(["serve", "--token", scratch.at("missing.txt")]).status == 64)
    let short = try CLITests.ipt(["serve", "--host", "0.0.0.0", "--token", scratch.at("short.txt")])
    #expect(short.status == 64)
    #expect(short.stderr.contains("at least 16 characters"))
  }

  @Test(
    "the server starts on a free loopback port and stops cleanly", arguments: [SIGTERM, SIGINT])
  func startsAndStops(signal: Int32) throws {
    let process = Process()
    process.executableURL = CLITests.binary
    process.arguments = ["serve", "--port", "0"]
    process.currentDirectoryURL = URL(fileURLWithPath: TestSupport.root)
    process.standardOutput = FileHandle.nullDevice
    let errors = Pipe()
    process.standardError = errors
    try process.run()
    var text = ""
    let deadline = Date().addingTimeInterval(30)
    while !text.contains("listening on") && Date() < deadline {
      let chunk = errors.fileHandleForReading.availableData
      if chunk.isEmpty { break }
      text += String(decoding: chunk, as: UTF8.self)
    }
    #expect(text.contains("listening on 127.0.0.1:"), "\(text)")
    kill(process.processIdentifier, signal)
    process.waitUntilExit()
    #expect(process.terminationReason == .exit)
    #expect(process.terminationStatus == 0)
  }
}
