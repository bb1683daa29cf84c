/// Why a value has the status it has.
public enum ValueStatus: Sendable, Hashable {
  /// Picked, at this rank (0 = first).
  case picked(rank: Int)
  /// A fired rule excluded it.
  case excluded
  /// Its evidence is below the output's `min_weight`.
  case belowThreshold
  /// Other values ranked above it within `max`.
  case outranked

  /// Whether the value is picked.
  public var isPicked: Bool {
    if case .picked = self { return true }
    return false
  }

  /// The status without its rank, as reports name it.
  public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
    case picked, excluded
    case belowThreshold = "below-threshold"
    case outranked
  }

  /// The status without its rank.
  public var kind: Kind {
    switch self {
    case .picked: .picked
    case .excluded: .excluded
    case .belowThreshold: .belowThreshold
    case .outranked: .outranked
    }
  }

  /// The 1-based rank of a picked value, nil otherwise.
  public var rank: Int? {
    if case .picked(let rank) = self { return rank + 1 }
    return nil
  }
}
