import RuleDiagnostics

/// Reads the files of one pack.
struct PackFileLoader {
  let file: SourceFile
  var reader: NodeReader

  mutating func manifest(_ root: YNode, into pack: inout PackSyntax) -> ManifestSyntax? {
    guard
      let map = reader.mapping(
        root, "pack.yaml",
        allowed: Loader.manifestKeys + ["vocabulary", "outputs", "alerts", "rules"],
        required: ["pack", "version"])
    else { return nil }
    // A one-file pack keeps its vocabulary, outputs, alerts and rules in pack.yaml too.
    content(map, into: &pack)
    guard let id = reader.identifier(map["pack"], "the pack id", allowDots: true),
      let version = reader.string(map["version"], "'version'")
    else { return nil }
    var references: [(key: Located<String>, text: String)] = []
    if let node = map["references"] {
      for entry in reader.entries(node, "'references'") {
        references.append((entry.name, reader.string(entry.value, "a reference")?.value ?? ""))
      }
    }
    var manifest = ManifestSyntax(
      pack: id, version: version, title: reader.string(map["title"], "'title'"),
      description: reader.string(map["description"], "'description'")?.value,
      authors: reader.strings(map["authors"], "an author").map(\.value),
      references: references, extends: reader.strings(map["extends"], "a pack path"),
      location: root.location)
    manifest.governance = choice(map["governance"], "'governance'", ["strict", "open"])
    manifest.mode = choice(map["mode"], "'mode'", ["full", "release"])
    return manifest
  }

  /// A string that must be one of `values` ("did you mean" otherwise).
  private mutating func choice(_ node: YNode?, _ what: String, _ values: [String])
    -> Located<String>?
  {
    guard let text = reader.string(node, what) else { return nil }
    guard values.contains(text.value) else {
      reader.diagnostics.append(
        SyntaxCatalogue.invalidValue(
          "unknown \(what) '\(text.value)'", at: text.location,
          hint: Suggest.hint(for: text.value, in: values)
            ?? "use \(values.joined(separator: " or "))"))
      return nil
    }
    return text
  }

  mutating func packFile(_ root: YNode, into pack: inout PackSyntax) {
    guard let map = reader.mapping(root, "a pack file", allowed: Loader.packFileKeys) else {
      return
    }
    content(map, into: &pack)
  }

  mutating func content(_ map: [String: YNode], into pack: inout PackSyntax) {
    if let node = map["vocabulary"] {
      for entry in reader.entries(node, "'vocabulary'") {
        if let finding = finding(entry.name, entry.value) { pack.findings.append(finding) }
      }
    }
    if let node = map["outputs"] {
      for entry in reader.entries(node, "'outputs'") {
        if let output = output(entry.name, entry.value) { pack.outputs.append(output) }
      }
    }
    if let node = map["alerts"] {
      for entry in reader.entries(node, "'alerts'") {
        if let alert = alert(entry.name, entry.value) { pack.alerts.append(alert) }
      }
    }
    if let node = map["constants"] { constants(node, into: &pack) }
    if let node = map["rules"] {
      for item in reader.list(node, "'rules'") {
        if let rule = rule(item) { pack.rules.append(rule) }
      }
    }
  }

  mutating func constants(_ node: YNode, into pack: inout PackSyntax) {
    for entry in reader.entries(node, "'constants'") {
      checkName(entry.name, "constant")
      guard case .scalar(let text, .plain) = entry.value.kind else {
        reader.diagnostics.append(
          SyntaxCatalogue.wrongShape(
            expected: "a number or true/false", found: entry.value.shapeName,
            for: "constant '\(entry.name.value)'", at: entry.value.location))
        continue
      }
      let value: ConstantSyntax.Value
      if let number = ScalarText.number(text) {
        guard abs(number) <= ScalarText.magnitudeLimit else {
          reader.diagnostics.append(
            SyntaxCatalogue.numberOutOfBounds(
              text, what: "constant '\(entry.name.value)'", limit: ScalarText.magnitudeLimit,
              at: entry.value.location))
          continue
        }
        value = .number(number)
      } else if let boolean = ScalarText.boolean(text) {
        value = .boolean(boolean)
      } else {
        reader.diagnostics.append(
          SyntaxCatalogue.wrongShape(
            expected: "a number or true/false", found: "'\(text)'",
            for: "constant '\(entry.name.value)'", at: entry.value.location))
        continue
      }
      pack.constants.append(
        ConstantSyntax(name: entry.name, value: Located(value, at: entry.value.location)))
    }
  }

  private mutating func checkName(_ name: Located<String>, _ what: String) {
    if !NodeReader.isIdentifier(name.value, allowDots: false) {
      reader.diagnostics.append(
        SyntaxCatalogue.invalidValue(
          "\(what) name '\(name.value)' is not a valid name", at: name.location,
          hint: "use letters, digits and '_', starting with a letter"))
    } else if ExpressionParser.keywords.contains(name.value) {
      reader.diagnostics.append(
        SyntaxCatalogue.invalidValue(
          "\(what) name '\(name.value)' is a keyword of the condition language", at: name.location,
          hint: "choose another name"))
    }
  }

  static let typeKeys = SyntaxKeys.finding

  /// The sections of a case file a finding can be written in (besides `findings`).
  static let sections = ["course"]

  private mutating func type(_ map: [String: YNode], at location: SourceLocation) -> TypeSyntax? {
    guard let kindText = reader.string(map["type"], "'type'") else { return nil }
    guard let kind = TypeSyntax.Kind(rawValue: kindText.value) else {
      reader.diagnostics.append(
        SyntaxCatalogue.invalidValue(
          "unknown type '\(kindText.value)'", at: kindText.location,
          hint: Suggest.hint(for: kindText.value, in: TypeSyntax.Kind.allCases.map(\.rawValue))
            ?? "types: \(TypeSyntax.Kind.allCases.map(\.rawValue).joined(separator: ", "))"))
      return nil
    }
    var values: [Located<String>] = []
    var labels: [String?] = []
    if kind == .enum || kind == .set {
      guard let node = map["values"], !node.isNull else {
        reader.diagnostics.append(
          SyntaxCatalogue.missingKey("values", in: "an \(kind.rawValue) type", at: location))
        return nil
      }
      // A list of names, or a mapping of names to {label: ...} (or to nothing).
      var entries: [(name: YNode, label: String?)] = []
      if node.mapping != nil {
        for (key, value) in node.mapping ?? [] {
          var label: String?
          if !value.isNull,
            let map = reader.mapping(value, "enum value '\(key.scalar ?? "")'", allowed: ["label"])
          {
            label = reader.string(map["label"], "'label'")?.value
          }
          entries.append((key, label))
        }
      } else {
        entries = reader.list(node, "'values'").map { ($0, nil) }
      }
      var seen: [String: SourceLocation] = [:]
      for (item, label) in entries {
        guard let value = reader.identifier(item, "enum value") else { continue }
        if let first = seen[value.value] {
          reader.diagnostics.append(
            SyntaxCatalogue.duplicateName(
              "enum value", value.value, at: value.location, first: first))
          continue
        }
        seen[value.value] = value.location
        values.append(value)
        labels.append(label)
      }
    } else if let node = map["values"] {
      reader.diagnostics.append(
        SyntaxCatalogue.unknownKey(
          "values", in: "a \(kind.rawValue) type", allowed: ["type", "range", "unit"],
          at: node.location))
    }
    var range: (low: Located<Double>, high: Located<Double>)?
    if let node = map["range"], !node.isNull {
      if kind != .integer && kind != .number {
        reader.diagnostics.append(
          SyntaxCatalogue.invalidValue(
            "'range' applies only to integer and number", at: node.location))
      } else if let items = node.sequence, items.count == 2,
        let low = reader.number(items[0], "the range's low end"),
        let high = reader.number(items[1], "the range's high end")
      {
        if low.value > high.value {
          reader.diagnostics.append(
            SyntaxCatalogue.invalidValue(
              "the range is empty: \(low.value) > \(high.value)", at: node.location))
        }
        range = (low, high)
      } else if node.sequence?.count != 2 {
        reader.diagnostics.append(
          SyntaxCatalogue.wrongShape(
            expected: "a list of two numbers [low, high]", found: node.shapeName, for: "'range'",
            at: node.location))
      }
    }
    var fields: [FieldSyntax] = []
    if kind == .list {
      guard let node = map["fields"] else {
        reader.diagnostics.append(
          SyntaxCatalogue.missingKey("fields", in: "a list type", at: location))
        return nil
      }
      for entry in reader.entries(node, "'fields'") {
        checkName(entry.name, "field")
        guard
          let fieldMap = reader.mapping(
            entry.value, "field '\(entry.name.value)'",
            allowed: SyntaxKeys.field)
        else { continue }
        let like = reader.string(fieldMap["like"], "'like'")
        var fieldType: TypeSyntax
        if let like {
          // The type comes from the finding it is like; the compiler fills it in.
          if let typeNode = fieldMap["type"] {
            reader.diagnostics.append(
              SyntaxCatalogue.invalidValue(
                "a field 'like' a finding takes its type from it", at: typeNode.location,
                hint: "remove 'type', or remove 'like'"))
          }
          fieldType = TypeSyntax(
            kind: Located(.number, at: like.location), values: [], range: nil, unit: nil,
            fields: [])
        } else {
          guard fieldMap["type"] != nil else {
            reader.diagnostics.append(
              SyntaxCatalogue.missingKey(
                "type", in: "field '\(entry.name.value)'", at: entry.value.location))
            continue
          }
          guard let resolved = type(fieldMap, at: entry.value.location) else { continue }
          fieldType = resolved
        }
        if fieldType.kind.value == .list {
          reader.diagnostics.append(
            SyntaxCatalogue.invalidValue(
              "a record field cannot itself be a list", at: fieldType.kind.location))
          continue
        }
        var field = FieldSyntax(
          name: entry.name, type: fieldType,
          description: reader.string(fieldMap["description"], "'description'")?.value,
          ask: reader.string(fieldMap["ask"], "'ask'")?.value)
        field.like = like
        field.increasing = reader.boolean(fieldMap["increasing"], "'increasing'")?.value ?? false
        field.defaultValue = fieldMap["default"].map(NodeReader.data)
        fields.append(field)
      }
    } else if let node = map["fields"] {
      reader.diagnostics.append(
        SyntaxCatalogue.invalidValue("'fields' applies only to list types", at: node.location))
    }
    return TypeSyntax(
      kind: Located(kind, at: kindText.location), values: values, labels: labels, range: range,
      unit: reader.string(map["unit"], "'unit'")?.value, fields: fields)
  }

  private mutating func finding(_ name: Located<String>, _ node: YNode) -> FindingSyntax? {
    checkName(name, "finding")
    guard
      let map = reader.mapping(
        node, "finding '\(name.value)'", allowed: Self.typeKeys, required: ["type"]),
      let type = type(map, at: node.location)
    else { return nil }
    let derived = reader.boolean(map["derived"], "'derived'")?.value ?? false
    var finding = FindingSyntax(
      name: name, type: type, description: reader.string(map["description"], "'description'"),
      ask: reader.string(map["ask"], "'ask'"), derived: derived,
      priority: reader.integer(map["priority"], "'priority'"))
    finding.recordOnly = reader.boolean(map["record_only"], "'record_only'")?.value ?? false
    if let section = reader.string(map["section"], "'section'") {
      if Self.sections.contains(section.value) {
        finding.section = section
      } else {
        reader.diagnostics.append(
          SyntaxCatalogue.invalidValue(
            "unknown section '\(section.value)'", at: section.location,
            hint: Suggest.hint(for: section.value, in: Self.sections)
              ?? "sections: \(Self.sections.joined(separator: ", ")) (leave it out for findings)"))
      }
    }
    if let node = map["bands"] {
      if type.kind.value != .integer && type.kind.value != .number {
        reader.diagnostics.append(
          SyntaxCatalogue.invalidValue(
            "'bands' applies only to integer and number findings", at: node.location))
      } else {
        for entry in reader.entries(node, "'bands'") {
          guard
            let from = reader.number(entry.value, "the score band '\(entry.name.value)' starts at")
          else { continue }
          finding.bands.append((entry.name, from))
        }
      }
    }
    var missing: [String] = []
    if finding.description == nil { missing.append("description") }
    if finding.ask == nil && !derived { missing.append("ask") }
    if !missing.isEmpty {
      reader.diagnostics.append(
        SyntaxCatalogue.undocumentedFinding(name.value, missing: missing, at: name.location))
    }
    if derived && type.kind.value != .boolean {
      reader.diagnostics.append(
        SyntaxCatalogue.invalidValue(
          "derived finding '\(name.value)' must be boolean", at: type.kind.location,
          hint: "derived findings are concluded true or false by rules"))
    }
    return finding
  }

  private mutating func output(_ name: Located<String>, _ node: YNode) -> OutputSyntax? {
    checkName(name, "output")
    guard
      let map = reader.mapping(
        node, "output '\(name.value)'", allowed: SyntaxKeys.output,
        required: ["values"])
    else { return nil }
    var max: Located<Int>?
    var minWeight: Located<Double>?
    if let pickNode = map["pick"],
      let pick = reader.mapping(pickNode, "'pick'", allowed: SyntaxKeys.pick)
    {
      max = reader.integer(pick["max"], "'max'")
      minWeight = reader.weight(pick["min_weight"], "'min_weight'")
      if let m = max, m.value < 1 {
        reader.diagnostics.append(
          SyntaxCatalogue.invalidValue("'max' must be at least 1", at: m.location))
      }
    }
    var values: [OutputValueSyntax] = []
    for entry in reader.entries(map["values"] ?? node, "'values'") where map["values"] != nil {
      checkName(entry.name, "output value")
      if entry.value.isNull {
        values.append(OutputValueSyntax(name: entry.name, label: nil, description: nil, cite: []))
        continue
      }
      guard
        let valueMap = reader.mapping(
          entry.value, "value '\(entry.name.value)'", allowed: SyntaxKeys.outputValue)
      else { continue }
      values.append(
        OutputValueSyntax(
          name: entry.name, label: reader.string(valueMap["label"], "'label'")?.value,
          description: reader.string(valueMap["description"], "'description'")?.value,
          cite: reader.strings(valueMap["cite"], "a citation key")))
    }
    return OutputSyntax(
      name: name, title: reader.string(map["title"], "'title'"), max: max, minWeight: minWeight,
      values: values)
  }

  private mutating func alert(_ name: Located<String>, _ node: YNode) -> AlertSyntax? {
    checkName(name, "alert")
    guard
      let map = reader.mapping(
        node, "alert '\(name.value)'", allowed: SyntaxKeys.alert,
        required: ["severity", "label"]),
      let severity = reader.string(map["severity"], "'severity'")
    else { return nil }
    if !["info", "warning", "critical"].contains(severity.value) {
      reader.diagnostics.append(
        SyntaxCatalogue.invalidValue(
          "unknown severity '\(severity.value)'", at: severity.location,
          hint: Suggest.hint(for: severity.value, in: ["info", "warning", "critical"])
            ?? "use info, warning or critical"))
    }
    return AlertSyntax(
      name: name, severity: severity, label: reader.string(map["label"], "'label'"),
      description: reader.string(map["description"], "'description'")?.value,
      cite: reader.strings(map["cite"], "a citation key"))
  }

  static let ruleKeys = SyntaxKeys.rule

  private mutating func rule(_ node: YNode) -> RuleSyntax? {
    guard
      let map = reader.mapping(
        node, "a rule", allowed: Self.ruleKeys, required: ["id", "title", "when", "then"]),
      let id = reader.identifier(map["id"], "rule id", allowDots: true)
    else { return nil }
    var rule = RuleSyntax(
      id: id, title: reader.string(map["title"], "'title'"), when: [], suggest: [], weight: nil,
      derive: [], alerts: [], exclude: [], because: template(map["because"], "'because'"),
      teach: template(map["teach"], "'teach'"),
      cite: reader.strings(map["cite"], "a citation key"), status: nil,
      author: reader.string(map["author"], "'author'")?.value, location: node.location,
      thenLocation: map["then"]?.location ?? node.location)
    rule.reviewedBy = reader.string(map["reviewed_by"], "'reviewed_by'")
    rule.reviewedOn = reader.string(map["reviewed_on"], "'reviewed_on'")
    rule.reviewDue = reader.string(map["review_due"], "'review_due'")
    if let status = reader.string(map["status"], "'status'") {
      if let value = RuleStatus(rawValue: status.value) {
        rule.status = Located(value, at: status.location)
      } else {
        reader.diagnostics.append(
          SyntaxCatalogue.invalidValue(
            "unknown status '\(status.value)'", at: status.location,
            hint: Suggest.hint(for: status.value, in: RuleStatus.allCases.map(\.rawValue))
              ?? "use draft, reviewed or retired"))
      }
    }
    if let when = map["when"], !when.isNull {
      if let items = when.sequence {
        rule.when = items.compactMap { condition($0, depth: 0) }
      } else if let single = condition(when, depth: 0) {
        rule.when = [single]
      }
    }
    if let thenNode = map["then"],
      let then = reader.mapping(
        thenNode, "'then'", allowed: SyntaxKeys.then)
    {
      rule.suggest = outputReferences(then["suggest"], "'suggest'")
      rule.exclude = outputReferences(then["exclude"], "'exclude'")
      rule.weight = reader.weight(then["weight"], "'weight'")
      rule.alerts = reader.strings(then["alert"], "an alert name")
      if let derive = then["derive"] {
        if derive.mapping != nil {
          for entry in reader.entries(derive, "'derive'") {
            if let truth = reader.boolean(entry.value, "a derived value"), !truth.value {
              reader.diagnostics.append(
                SyntaxCatalogue.invalidValue(
                  "a rule can only derive a finding as true", at: truth.location,
                  hint: "a derived finding is false when every rule deriving it is false"))
            }
            rule.derive.append(entry.name)
          }
        } else {
          rule.derive = reader.strings(derive, "a derived finding")
        }
      }
      if rule.suggest.isEmpty && rule.exclude.isEmpty && rule.alerts.isEmpty && rule.derive.isEmpty
      {
        reader.diagnostics.append(
          SyntaxCatalogue.missingKey(
            "suggest', 'derive', 'alert' or 'exclude", in: "'then'", at: thenNode.location))
      }
      if let weight = rule.weight, rule.suggest.isEmpty {
        reader.diagnostics.append(
          SyntaxCatalogue.invalidValue(
            "'weight' needs a 'suggest' to apply to", at: weight.location))
      }
    }
    return rule
  }

  /// Splits a template into text and placeholders, locating each placeholder in the file.
  /// The bytes that can start or end a template's placeholder or optional part: `[ ] { }`.
  private static let templateMarks: [UInt8] = Array("[]{}".utf8)

  private mutating func template(_ node: YNode?, _ what: String) -> TemplateSyntax? {
    guard let text = reader.string(node, what), let node else { return nil }
    // Most templates are plain text: without brackets or braces, the text is the one piece.
    if !text.value.utf8.contains(where: { Self.templateMarks.contains($0) }) {
      return TemplateSyntax(source: text, pieces: text.value.isEmpty ? [] : [.text(text.value)])
    }
    let mapping = ScalarMapping(file: file, node: node)
    let scalars = Array(text.value.unicodeScalars)
    var pieces: [TemplateSyntax.Piece] = []
    var plain = String.UnicodeScalarView()
    // The pieces before an open `[[`, while its optional part is read.
    var outer: [TemplateSyntax.Piece]?
    var optionalStart = 0
    func flush() {
      if !plain.isEmpty {
        pieces.append(.text(String(plain)))
        plain = String.UnicodeScalarView()
      }
    }
    var i = 0
    while i < scalars.count {
      let c = scalars[i]
      let next = i + 1 < scalars.count ? scalars[i + 1] : nil
      if c == "[" && next == "[" {
        guard outer == nil else {
          reader.diagnostics.append(
            SyntaxCatalogue.templateSyntax(
              "an optional part '[[...]]' cannot hold another", at: mapping.location(ofOffset: i)))
          return TemplateSyntax(source: text, pieces: [.text(text.value)])
        }
        flush()
        outer = pieces
        pieces = []
        optionalStart = i
        i += 2
        continue
      }
      if c == "]" && next == "]" {
        guard let before = outer else {
          reader.diagnostics.append(
            SyntaxCatalogue.templateSyntax(
              "unmatched ']]' in the template", at: mapping.location(ofOffset: i)))
          return TemplateSyntax(source: text, pieces: [.text(text.value)])
        }
        flush()
        pieces = before + [.optional(pieces)]
        outer = nil
        i += 2
        continue
      }
      if c == "{" {
        guard let close = scalars[(i + 1)...].firstIndex(where: { $0 == "}" || $0 == "{" }),
          scalars[close] == "}"
        else {
          reader.diagnostics.append(
            SyntaxCatalogue.templateSyntax(
              "unclosed '{' in the template", at: mapping.location(ofOffset: i)))
          return TemplateSyntax(source: text, pieces: [.text(text.value)])
        }
        var start = i + 1
        var end = close
        while start < end, scalars[start] == " " { start += 1 }
        while end > start, scalars[end - 1] == " " { end -= 1 }
        let name = String(String.UnicodeScalarView(scalars[start..<end]))
        guard !name.isEmpty else {
          reader.diagnostics.append(
            SyntaxCatalogue.templateSyntax(
              "empty '{}' in the template", at: mapping.location(ofOffset: i)))
          return TemplateSyntax(source: text, pieces: [.text(text.value)])
        }
        flush()
        pieces.append(.placeholder(Located(name, at: mapping.location(ofOffset: start))))
        i = close + 1
        continue
      }
      if c == "}" {
        reader.diagnostics.append(
          SyntaxCatalogue.templateSyntax(
            "unmatched '}' in the template", at: mapping.location(ofOffset: i)))
        return TemplateSyntax(source: text, pieces: [.text(text.value)])
      }
      plain.append(c)
      i += 1
    }
    if outer != nil {
      reader.diagnostics.append(
        SyntaxCatalogue.templateSyntax(
          "unclosed '[[' in the template", at: mapping.location(ofOffset: optionalStart)))
      return TemplateSyntax(source: text, pieces: [.text(text.value)])
    }
    flush()
    return TemplateSyntax(source: text, pieces: pieces)
  }

  private mutating func outputReferences(_ node: YNode?, _ what: String) -> [OutputReference] {
    guard let node, !node.isNull else { return [] }
    return reader.entries(node, what).flatMap { entry in
      reader.strings(entry.value, "a value of '\(entry.name.value)'").map {
        OutputReference(output: entry.name, value: $0)
      }
    }
  }

  private mutating func condition(_ node: YNode, depth: Int) -> ConditionSyntax? {
    if depth > 32 {
      reader.diagnostics.append(
        SyntaxCatalogue.invalidValue("conditions nest more than 32 levels deep", at: node.location))
      return nil
    }
    switch node.kind {
    case .scalar(let text, _) where !node.isNull:
      let mapping = ScalarMapping(file: file, node: node)
      let (expression, diagnostics) = ExpressionParser.parse(text) {
        mapping.location(ofOffset: $0)
      }
      reader.diagnostics += diagnostics
      return .expression(
        ConditionText(text: Located(text, at: node.location), expression: expression))
    case .mapping(let pairs) where pairs.count == 1:
      let key = pairs[0].key
      let value = pairs[0].value
      switch key.scalar {
      case "all", "any":
        let items = reader.list(value, "'\(key.scalar ?? "")'").compactMap {
          condition($0, depth: depth + 1)
        }
        return key.scalar == "all" ? .all(items, key.location) : .any(items, key.location)
      case "not":
        return condition(value, depth: depth + 1).map { .not($0, key.location) }
      default:
        reader.diagnostics.append(
          SyntaxCatalogue.unknownKey(
            key.scalar ?? "?", in: "a condition", allowed: SyntaxKeys.condition, at: key.location))
        return nil
      }
    default:
      reader.diagnostics.append(
        SyntaxCatalogue.wrongShape(
          expected: "a condition string, or a mapping with one of all/any/not",
          found: node.shapeName,
          for: "a condition", at: node.location))
      return nil
    }
  }
}
