/// A runtime value. Enum values are their declared index; dates are days since 1970-01-01.
public enum Value: Sendable, Hashable {
  case unknown
  case boolean(Bool)
  case number(Double)
  case enumValue(Int)
  case set(EnumSet)
  case string(String)
  case date(Int)
  case records([Record])

  /// Whether the value is known.
  @inline(__always)
  public var isKnown: Bool {
    if case .unknown = self { return false }
    return true
  }
}
