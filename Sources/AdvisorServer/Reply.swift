/// An answer before it becomes an HTTP response: the status code, the media type and the body.
/// The workbench builds replies; the router turns them into responses.
struct Reply: Sendable, Equatable {
  var status: Int
  var contentType: String
  var body: String

  static let json = "application/json; charset=utf-8"
  static let html = "text/html; charset=utf-8"

  /// A JSON reply.
  static func json(_ body: String, status: Int = 200) -> Reply {
    Reply(status: status, contentType: json, body: body)
  }

  /// An HTML page.
  static func html(_ body: String, status: Int = 200) -> Reply {
    Reply(status: status, contentType: html, body: body)
  }
}
