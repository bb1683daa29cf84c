package import RuleDiagnostics

/// A YAML node with its location, composed from libyaml's events once so that the rest of the
/// loader never sees libyaml's types.
package struct YNode: Sendable {
  package enum Style: Sendable { case plain, quoted, block }

  package enum Kind: Sendable {
    case scalar(String, Style)
    case sequence([YNode])
    case mapping([(key: YNode, value: YNode)])
  }

  package var kind: Kind
  package var location: SourceLocation

  /// The scalar text, when this is a scalar.
  package var scalar: String? {
    if case .scalar(let text, _) = kind { return text }
    return nil
  }

  /// Whether this is YAML null (`null`, `~`, or an empty plain scalar).
  package var isNull: Bool {
    if case .scalar(let text, .plain) = kind {
      return text.isEmpty || text == "null" || text == "~" || text == "Null" || text == "NULL"
    }
    return false
  }

  package var sequence: [YNode]? {
    if case .sequence(let items) = kind { return items }
    return nil
  }

  package var mapping: [(key: YNode, value: YNode)]? {
    if case .mapping(let pairs) = kind { return pairs }
    return nil
  }

  /// A short name of the node's shape, for messages.
  package var shapeName: String {
    switch kind {
    case .scalar: isNull ? "null" : "a scalar"
    case .sequence: "a list"
    case .mapping: "a mapping"
    }
  }
}
