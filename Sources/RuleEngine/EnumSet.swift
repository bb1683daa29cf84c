/// A set of enum values, as a bit set over their declared indices.
public struct EnumSet: Sendable, Hashable {
  /// The set's bits, 64 values per word.
  public private(set) var words: [UInt64]

  /// An empty set.
  public init() { words = [] }

  /// A set holding the given indices.
  public init(_ indices: some Sequence<Int>) {
    words = []
    for index in indices { insert(index) }
  }

  /// Adds the value with this declared index.
  public mutating func insert(_ index: Int) {
    let word = index >> 6
    while words.count <= word { words.append(0) }
    words[word] |= 1 << UInt64(index & 63)
  }

  @inline(__always)
  /// Whether the value with this declared index is in the set.
  public func contains(_ index: Int) -> Bool {
    let word = index >> 6
    return word < words.count && words[word] & (1 << UInt64(index & 63)) != 0
  }

  /// Whether every member of `other` is in this set.
  public func isSuperset(of other: EnumSet) -> Bool {
    for (i, w) in other.words.enumerated() where w != 0 {
      if i >= words.count || words[i] & w != w { return false }
    }
    return true
  }

  /// Whether the sets share a member.
  public func intersects(_ other: EnumSet) -> Bool {
    for i in 0..<min(words.count, other.words.count) where words[i] & other.words[i] != 0 {
      return true
    }
    return false
  }

  /// The member indices, ascending.
  public var indices: [Int] {
    var out: [Int] = []
    for (i, w) in words.enumerated() where w != 0 {
      for bit in 0..<64 where w & (1 << UInt64(bit)) != 0 { out.append(i * 64 + bit) }
    }
    return out
  }
}
