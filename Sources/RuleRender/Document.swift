/// A human-readable report, built once and rendered as text, Markdown or HTML: headings,
/// paragraphs, lists, tables, callouts, collapsible details and badges that carry a tone. Every
/// report (evaluate, explain, check, test, doc) is built as a `Document`.
public struct Document: Sendable, Hashable {
  /// The document's title (its level-1 heading).
  public var title: Text
  /// An anchor for the document, when a page holds several (the table of contents links to it).
  public var anchor: String?
  /// The content, in order.
  public var blocks: [Block]
  /// A label shown beside the title in a table of contents (the most severe alert of a case).
  public var badge: Inline?

  /// A document with a title and content.
  public init(title: Text, anchor: String? = nil, blocks: [Block] = [], badge: Inline? = nil) {
    self.title = title
    self.anchor = anchor
    self.blocks = blocks
    self.badge = badge
  }
}
