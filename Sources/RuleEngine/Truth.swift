/// Kleene three-valued truth: a condition is true, false or unknown.
public enum Truth: UInt8, Sendable, Hashable, CustomStringConvertible {
  case `false` = 0
  case unknown = 1
  case `true` = 2

  /// Kleene conjunction: false wins, then unknown.
  @inline(__always)
  public static func && (lhs: Truth, rhs: Truth) -> Truth {
    Truth(rawValue: min(lhs.rawValue, rhs.rawValue)) ?? .unknown
  }

  /// Kleene disjunction: true wins, then unknown.
  @inline(__always)
  public static func || (lhs: Truth, rhs: Truth) -> Truth {
    Truth(rawValue: max(lhs.rawValue, rhs.rawValue)) ?? .unknown
  }

  /// Kleene negation: unknown stays unknown.
  @inline(__always)
  public static prefix func ! (value: Truth) -> Truth {
    Truth(rawValue: 2 - value.rawValue) ?? .unknown
  }

  /// Lifts a Boolean.
  @inline(__always)
  public init(_ value: Bool) { self = value ? .true : .false }

  /// `true`, `false` or `unknown`.
  public var description: String {
    switch self {
    case .true: "true"
    case .false: "false"
    case .unknown: "unknown"
    }
  }
}

extension Truth: Codable {
  /// Reads `"true"`, `"false"` or `"unknown"`.
  public init(from decoder: any Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    switch text {
    case "true": self = .true
    case "false": self = .false
    case "unknown": self = .unknown
    default:
      throw DecodingError.dataCorrupted(
        .init(codingPath: decoder.codingPath, debugDescription: "'\(text)' is not a truth value"))
    }
  }

  /// Writes `"true"`, `"false"` or `"unknown"`.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}
