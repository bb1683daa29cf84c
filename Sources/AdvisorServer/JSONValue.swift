/// A JSON value as read from a request (a check's envelope, a CDS Hooks request, a FHIR
/// resource): typed, so that nothing downstream handles untyped payloads.
enum JSONValue: Codable, Sendable, Hashable {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([JSONValue])
  case object([String: JSONValue])

  init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() {
      self = .null
    } else if let value = try? container.decode(Bool.self) {
      self = .bool(value)
    } else if let value = try? container.decode(Double.self) {
      self = .number(value)
    } else if let value = try? container.decode(String.self) {
      self = .string(value)
    } else if let value = try? container.decode([JSONValue].self) {
      self = .array(value)
    } else {
      self = .object(try container.decode([String: JSONValue].self))
    }
  }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    switch self {
    case .null: try container.encodeNil()
    case .bool(let value): try container.encode(value)
    case .number(let value): try container.encode(value)
    case .string(let value): try container.encode(value)
    case .array(let value): try container.encode(value)
    case .object(let value): try container.encode(value)
    }
  }

  /// The member `key` of an object (nil for anything else).
  subscript(_ key: String) -> JSONValue? {
    if case .object(let members) = self { return members[key] }
    return nil
  }

  /// The text of a string.
  var string: String? {
    if case .string(let value) = self { return value }
    return nil
  }

  /// The number of a number.
  var number: Double? {
    if case .number(let value) = self { return value }
    return nil
  }

  /// The elements of an array (empty for anything else).
  var elements: [JSONValue] {
    if case .array(let values) = self { return values }
    return []
  }

  /// Whether this is an object.
  var isObject: Bool {
    if case .object = self { return true }
    return false
  }
}
