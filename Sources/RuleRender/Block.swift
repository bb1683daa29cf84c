/// A block of a document.
public indirect enum Block: Sendable, Hashable {
  /// A section heading (level 2 and below; the document title is level 1).
  case heading(Text, level: Int)
  /// A paragraph.
  case paragraph(Text)
  /// A highlighted note (the decision-support statement, a safety banner).
  case callout(Text, Tone)
  /// A bulleted or numbered list.
  case list([ListItem], ordered: Bool)
  /// A table.
  case table(Table)
  /// A chart of a score over a course: HTML draws it; text and Markdown skip it (the data is in
  /// a table beside it).
  case chart(Chart)
  /// Content that HTML shows collapsed under its summary; text and Markdown show it in full.
  case details(summary: Text, [Block])
}
