import RuleDiagnostics

/// Reads typed values out of `YNode`s and collects shape diagnostics as it goes.
struct NodeReader {
  var diagnostics: [Diagnostic] = []

  /// Checks a mapping's keys; returns a lookup of its values, or nil if the node is not a mapping.
  mutating func mapping(
    _ node: YNode, _ context: String, allowed: [String], required: [String] = []
  ) -> [String: YNode]? {
    guard let pairs = node.mapping else {
      diagnostics.append(
        SyntaxCatalogue.wrongShape(
          expected: "a mapping", found: node.shapeName, for: context, at: node.location))
      return nil
    }
    var values: [String: YNode] = Dictionary(minimumCapacity: pairs.count)
    for (key, value) in pairs {
      guard let name = key.scalar else {
        diagnostics.append(
          SyntaxCatalogue.wrongShape(
            expected: "a plain name", found: key.shapeName, for: "a key", at: key.location))
        continue
      }
      if !allowed.contains(name) {
        diagnostics.append(
          SyntaxCatalogue.unknownKey(name, in: context, allowed: allowed, at: key.location))
        continue
      }
      values[name] = value
    }
    for key in required where values[key] == nil || values[key]?.isNull == true {
      diagnostics.append(SyntaxCatalogue.missingKey(key, in: context, at: node.location))
    }
    return values
  }

  /// The pairs of a mapping whose keys are names chosen by the author (findings, outputs, ...).
  mutating func entries(_ node: YNode, _ context: String) -> [(name: Located<String>, value: YNode)]
  {
    guard let pairs = node.mapping else {
      if !node.isNull {
        diagnostics.append(
          SyntaxCatalogue.wrongShape(
            expected: "a mapping", found: node.shapeName, for: context, at: node.location))
      }
      return []
    }
    var out: [(name: Located<String>, value: YNode)] = []
    for (key, value) in pairs {
      guard let name = key.scalar, !key.isNull else {
        diagnostics.append(
          SyntaxCatalogue.wrongShape(
            expected: "a name", found: key.shapeName, for: "a key in \(context)", at: key.location))
        continue
      }
      out.append((Located(name, at: key.location), value))
    }
    return out
  }

  mutating func string(_ node: YNode?, _ what: String) -> Located<String>? {
    guard let node, !node.isNull else { return nil }
    guard let text = node.scalar else {
      diagnostics.append(
        SyntaxCatalogue.wrongShape(
          expected: "text", found: node.shapeName, for: what, at: node.location))
      return nil
    }
    return Located(text, at: node.location)
  }

  /// A lowercase identifier such as a rule id, an enum value or an output name.
  mutating func identifier(_ node: YNode?, _ what: String, allowDots: Bool = false) -> Located<
    String
  >? {
    guard let text = string(node, what) else { return nil }
    if !Self.isIdentifier(text.value, allowDots: allowDots) {
      diagnostics.append(
        SyntaxCatalogue.invalidValue(
          "\(what) '\(text.value)' is not a valid name", at: text.location,
          hint: allowDots
            ? "use letters, digits, '_', '-' and '.', starting with a letter"
            : "use letters, digits and '_', starting with a letter"))
    }
    return text
  }

  static func isIdentifier(_ text: String, allowDots: Bool) -> Bool {
    guard let first = text.unicodeScalars.first,
      (first >= "a" && first <= "z") || (first >= "A" && first <= "Z")
    else { return false }
    return text.unicodeScalars.allSatisfy {
      ($0 >= "a" && $0 <= "z") || ($0 >= "A" && $0 <= "Z") || ($0 >= "0" && $0 <= "9") || $0 == "_"
        || (allowDots && ($0 == "." || $0 == "-"))
    }
  }

  /// A number within ±`limit` (by default `ScalarText.magnitudeLimit`).
  mutating func number(
    _ node: YNode?, _ what: String, limit: Double = ScalarText.magnitudeLimit
  ) -> Located<Double>? {
    guard let node, !node.isNull else { return nil }
    guard case .scalar(let text, .plain) = node.kind, let value = ScalarText.number(text) else {
      diagnostics.append(
        SyntaxCatalogue.wrongShape(
          expected: "a number", found: node.scalar.map { "'\($0)'" } ?? node.shapeName, for: what,
          at: node.location))
      return nil
    }
    guard abs(value) <= limit else {
      diagnostics.append(
        SyntaxCatalogue.numberOutOfBounds(text, what: what, limit: limit, at: node.location))
      return nil
    }
    return Located(value, at: node.location)
  }

  /// A rule's weight or an output's minimum weight, within `ScalarText.weightLimit`.
  mutating func weight(_ node: YNode?, _ what: String) -> Located<Double>? {
    number(node, what, limit: ScalarText.weightLimit)
  }

  mutating func integer(_ node: YNode?, _ what: String) -> Located<Int>? {
    guard let number = number(node, what) else { return nil }
    guard number.value == number.value.rounded(), abs(number.value) < 1e12 else {
      diagnostics.append(
        SyntaxCatalogue.wrongShape(
          expected: "a whole number", found: "\(number.value)", for: what, at: number.location))
      return nil
    }
    return Located(Int(number.value), at: number.location)
  }

  mutating func boolean(_ node: YNode?, _ what: String) -> Located<Bool>? {
    guard let node, !node.isNull else { return nil }
    guard case .scalar(let text, .plain) = node.kind, let value = ScalarText.boolean(text) else {
      diagnostics.append(
        SyntaxCatalogue.wrongShape(
          expected: "true or false", found: node.scalar.map { "'\($0)'" } ?? node.shapeName,
          for: what, at: node.location))
      return nil
    }
    return Located(value, at: node.location)
  }

  /// A scalar or a list of scalars.
  mutating func strings(_ node: YNode?, _ what: String) -> [Located<String>] {
    guard let node, !node.isNull else { return [] }
    if let items = node.sequence {
      return items.compactMap { string($0, what) }
    }
    return string(node, what).map { [$0] } ?? []
  }

  mutating func list(_ node: YNode?, _ what: String) -> [YNode] {
    guard let node, !node.isNull else { return [] }
    guard let items = node.sequence else {
      diagnostics.append(
        SyntaxCatalogue.wrongShape(
          expected: "a list", found: node.shapeName, for: what, at: node.location))
      return []
    }
    return items
  }

  /// Converts a YAML node to an untyped data value (for case findings).
  static func data(_ node: YNode) -> DataNode {
    switch node.kind {
    case .scalar(let text, let style):
      if node.isNull { return DataNode(kind: .null, location: node.location) }
      return DataNode(kind: .scalar(text, quoted: style != .plain), location: node.location)
    case .sequence(let items):
      return DataNode(kind: .list(items.map(data)), location: node.location)
    case .mapping(let pairs):
      return DataNode(
        kind: .record(
          pairs.map { (Located($0.key.scalar ?? "", at: $0.key.location), data($0.value)) }),
        location: node.location)
    }
  }
}
