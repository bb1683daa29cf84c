@testable import AdvisorServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// `POST /evaluate/upload`: a case file uploaded from the Evaluate page.
@Suite("Upload")
struct UploadRouteTests {
  static let boundary = "----ipt-test-boundary-7MA4YWxk"

  /// A `multipart/form-data` body of `parts` (name, file name, content).
  static func multipart(_ parts: [(name: String, filename: String?, content: [UInt8])])
    -> ByteBuffer
  {
    var bytes: [UInt8] = []
    for part in parts {
      var head = "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(part.name)\""
      if let filename = part.filename { head += "; filename=\"\(filename)\"" }
      head += "\r\nContent-Type: application/octet-stream\r\n\r\n"
      bytes += Array(head.utf8) + part.content + Array("\r\n".utf8)
    }
    bytes += Array("--\(boundary)--\r\n".utf8)
    return ByteBuffer(bytes: bytes)
  }

  static let headers: HTTPFields = [
    .contentType: "multipart/form-data; boundary=\(boundary)"
  ]

  @Test("an uploaded case is evaluated, alerts first, and fills the paste form")
  func uploadEvaluated() async throws {
    let text = try ServerHarness.text("rules/ipt-core/cases/c09-suicidal-grief.yaml")
    try await ServerHarness().test { client in
      try await client.execute(
        uri: "/evaluate/upload", method: .post, headers: Self.headers,
        body: Self.multipart([("file", "c09.yaml", Array(text.utf8))])
      ) {
        #expect($0.status == .ok)
        let html = $0.text
        let alert = try #require(html.range(of: "tone-critical"))
        let focus = try #require(html.range(of: "Problem-area focus"))
        #expect(alert.lowerBound < focus.lowerBound)
        #expect(html.contains("(&lt;upload&gt;)"))
        #expect(html.contains("<textarea id=\"case\""))
        #expect(html.contains("case: c09-suicidal-grief"))
      }
    }
  }

  @Test("an upload over the body limit gets 413 with the too-large diagnostic on the page")
  func uploadTooLarge() async throws {
    let text = try ServerHarness.text("rules/ipt-core/cases/c09-suicidal-grief.yaml")
    try await ServerHarness(settings: ServerSettings(maxBodySize: 512)).test { client in
      try await client.execute(
        uri: "/evaluate/upload", method: .post, headers: Self.headers,
        body: Self.multipart([("file", "c09.yaml", Array(text.utf8))])
      ) {
        #expect($0.status == .contentTooLarge)
        #expect($0.headers[.contentType] == "text/html; charset=utf-8")
        #expect($0.text.contains("[too-large]"))
        #expect($0.text.contains("role=\"alert\""))
      }
    }
  }

  @Test(
    "an upload without its file, or with an empty one, is a 400 that says so",
    arguments: [
      ("[missing-key] the upload has no file", [("other", nil, Array("x".utf8))]),
      ("[missing-key] the upload has no file", [("file", "", [])]),
    ] as [(String, [(String, String?, [UInt8])])])
  func uploadWithoutFile(expected: String, parts: [(String, String?, [UInt8])]) async throws {
    try await ServerHarness().test { client in
      try await client.execute(
        uri: "/evaluate/upload", method: .post, headers: Self.headers,
        body: Self.multipart(parts.map { ($0.0, $0.1, $0.2) })
      ) {
        #expect($0.status == .badRequest)
        #expect($0.text.contains(expected))
        #expect($0.text.contains("&lt;upload&gt;:1:1"))
      }
    }
  }

  @Test("a body that is not multipart, or a file that is not text, is a 400")
  func uploadMalformed() async throws {
    try await ServerHarness().test { client in
      try await client.execute(
        uri: "/evaluate/upload", method: .post, headers: formHeaders,
        body: formBody([("file", "case: x")])
      ) {
        #expect($0.status == .badRequest)
        #expect($0.text.contains("[wrong-shape] the upload is not &#39;multipart/form-data&#39;"))
      }
      try await client.execute(
        uri: "/evaluate/upload", method: .post, headers: Self.headers,
        body: Self.multipart([("file", "x.yaml", [0x63, 0xFF, 0xFE, 0x00, 0x41])])
      ) {
        #expect($0.status == .badRequest)
        #expect($0.text.contains("[binary-file]") || $0.text.contains("[not-utf8]"))
      }
      // A file name is never shown or used.
      try await client.execute(
        uri: "/evaluate/upload", method: .post, headers: Self.headers,
        body: Self.multipart([
          ("file", "<script>.yaml", Array("case: x\nfindings: {phq9: 3}\n".utf8))
        ])
      ) {
        #expect($0.status == .ok)
        #expect(!$0.text.contains("<script"))
      }
    }
  }
}
