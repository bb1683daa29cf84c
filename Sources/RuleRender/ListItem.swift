/// One item of a list: its text and what is nested under it.
public struct ListItem: Sendable, Hashable {
  /// The item's own text.
  public var text: Text
  /// Blocks nested under the item (sub-lists, details).
  public var children: [Block]

  /// An item with nested blocks.
  public init(_ text: Text, children: [Block] = []) {
    self.text = text
    self.children = children
  }

  /// An item of plain text with nested blocks.
  public init(_ text: String, children: [Block] = []) {
    self.init(Text(text), children: children)
  }
}
