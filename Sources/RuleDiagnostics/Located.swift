/// A value that came from a file, with where it came from.
public struct Located<Value>: CustomStringConvertible {
  /// The value.
  public var value: Value
  /// Where the value starts in its file.
  public var location: SourceLocation

  /// Pairs a value with its location.
  public init(_ value: Value, at location: SourceLocation) {
    self.value = value
    self.location = location
  }

  /// The value, as text.
  public var description: String { "\(value)" }
}

extension Located: Sendable where Value: Sendable {}

extension Located: Equatable where Value: Equatable {}

extension Located: Hashable where Value: Hashable {}
