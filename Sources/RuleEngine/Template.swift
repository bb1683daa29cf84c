import RuleDiagnostics

/// A template (`because`, `teach`) split into text and placeholders.
public struct Template: Sendable, Hashable {
  /// A piece of a template.
  public indirect enum Piece: Sendable, Hashable {
    /// Text as written.
    case text(String)
    /// A part written `[[ ... ]]`: left out when one of its placeholders is unknown.
    case optional([Piece])
    /// A finding, by slot.
    case finding(Int, name: String)
    /// A constant of the pack.
    case constant(Value, type: ValueType, name: String)
    /// A quantifier variable (`local`), optionally a field of it.
    case variable(local: Int, field: Int?, type: ValueType, name: String)
  }

  /// The template as written.
  public let source: String
  /// Its text and placeholders, in order.
  public let pieces: [Piece]

  package init(source: String, pieces: [Piece]) {
    self.source = source
    self.pieces = pieces
  }
}
