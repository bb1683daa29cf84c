/// A runtime value. Enum values are their declared index; dates are days since 1970-01-01.
public enum Value: Sendable, Hashable {
  /// Not known at all (and, for a number or a date, not even its range).
  case unknown
  /// A boolean.
  case boolean(Bool)
  /// A number (integer findings hold whole numbers).
  case number(Double)
  /// An enum value, by declared index.
  case enumValue(Int)
  /// A set of enum values.
  case set(EnumSet)
  /// Text.
  case string(String)
  /// A date, in days since 1970-01-01.
  case date(Int)
  /// A list of records.
  case records([Record])
  /// A number or a date known only to lie in a closed interval (`-infinity` or `infinity` where
  /// unbounded): a partly known value from a case (`{between: [25, 34]}`, a date given to the
  /// month), or an unknown one ranging over its declared range. Never a single point.
  case interval(Double, Double)

  /// Whether the value is known exactly (an interval is not).
  @inline(__always)
  public var isKnown: Bool {
    switch self {
    case .unknown, .interval: false
    default: true
    }
  }

  /// The closed interval a number or a date lies in: a point for a known one.
  @inline(__always)
  public var bounds: (low: Double, high: Double)? {
    switch self {
    case .number(let x): (x, x)
    case .date(let d): (Double(d), Double(d))
    case .interval(let low, let high): (low, high)
    default: nil
    }
  }

  /// A number known to lie in `[low, high]`: the point when they are equal.
  @inline(__always)
  public static func between(_ low: Double, _ high: Double) -> Value {
    low == high ? .number(low) : .interval(low, high)
  }
}
