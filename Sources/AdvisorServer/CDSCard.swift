/// One CDS Hooks 2.0 card: a summary under 140 characters, its urgency, Markdown detail and the
/// source that produced it.
struct CDSCard: Encodable, Sendable, Equatable {
  struct Source: Encodable, Sendable, Equatable {
    var label: String
  }

  /// The longest summary the CDS Hooks specification allows, less one.
  static let maxSummary = 139

  var summary: String
  var indicator: String
  var detail: String
  var source: Source

  init(summary: String, indicator: String, detail: String, source: String) {
    self.summary = Self.clipped(summary)
    self.indicator = indicator
    self.detail = detail
    self.source = Source(label: source)
  }

  /// The text cut to fewer than 140 characters, ending with an ellipsis when cut.
  static func clipped(_ text: String) -> String {
    text.count <= maxSummary ? text : String(text.prefix(maxSummary - 1)) + "…"
  }
}
