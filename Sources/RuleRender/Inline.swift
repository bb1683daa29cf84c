/// A run of inline content.
public enum Inline: Sendable, Hashable {
  /// Plain text.
  case plain(String)
  /// A name or a condition, shown as code.
  case code(String)
  /// Emphasised text.
  case strong(String)
  /// A short label with a tone, such as a severity: `[critical]`.
  case badge(String, Tone)
  /// Text that links to `target` (a fragment such as `#field-phq9`) in HTML; the other formats
  /// show the text alone.
  case link(Text, target: String)
}
