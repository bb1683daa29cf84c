/// How something should look: the colour of a badge or a callout, with its meaning.
public enum Tone: String, Sendable, Hashable, CaseIterable {
  /// Nothing special.
  case plain
  /// A critical alert or a disagreement that matters most.
  case critical
  /// A warning.
  case warning
  /// An advisory.
  case info
  /// Agreement, a pick, a fired rule.
  case positive
  /// Something that did not hold (a failed rule): shown subdued.
  case muted
  /// Something not settled (an undetermined rule, an uncertain verdict).
  case open
}
