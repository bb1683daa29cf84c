import Foundation

/// The fields of a submitted form (`application/x-www-form-urlencoded`), in the order sent, with
/// every value of a repeated name (a group of checkboxes). Text areas send `CRLF` line breaks;
/// they are read as `LF`.
struct FormFields: Sendable {
  /// The fields as sent: name and value.
  var pairs: [(name: String, value: String)]

  /// The fields of an URL-encoded body.
  init(urlEncoded bytes: [UInt8]) {
    func decode(_ text: Substring) -> String {
      let spaced = text.replacingOccurrences(of: "+", with: " ")
      return (spaced.removingPercentEncoding ?? spaced).replacingOccurrences(
        of: "\r\n", with: "\n")
    }
    pairs = String(decoding: bytes, as: UTF8.self).split(separator: "&").compactMap { pair in
      let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      guard let name = parts.first else { return nil }
      return (decode(name), parts.count > 1 ? decode(parts[1]) : "")
    }
  }

  /// Fields given as pairs.
  init(_ pairs: [(name: String, value: String)] = []) { self.pairs = pairs }

  /// Every value sent under `name`, in order.
  func values(_ name: String) -> [String] {
    pairs.filter { $0.name == name }.map(\.value)
  }

  /// The values sent under `name` that are not blank (blank means "not assessed"), without
  /// surrounding white space.
  func filled(_ name: String) -> [String] {
    values(name).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
  }

  /// The first value sent under `name`.
  subscript(_ name: String) -> String? { pairs.first { $0.name == name }?.value }
}
