package import RuleDiagnostics
package import RuleEngine
package import RuleSyntax

/// Checks case files (and inline test findings) against a program's vocabulary and turns them
/// into `CaseFacts`. Build one per program and reuse it for many cases.
package struct CaseCompiler: Sendable {
  package let program: Program
  let slots: [String: Int]
  let enumIndex: [[String: Int]]
  /// Per record type: field name -> field slot.
  let fieldIndex: [[String: Int]]
  /// The same look-ups by bytes, for reading regular case files straight into facts.
  package private(set) var stream: CaseStream?

  /// Prepares name lookups for `program`.
  package init(program: Program) {
    self.program = program
    var slots: [String: Int] = [:]
    for (slot, finding) in program.findings.enumerated() { slots[finding.name] = slot }
    self.slots = slots
    self.enumIndex = program.enums.map { e in
      Dictionary(e.values.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
    }
    self.fieldIndex = program.records.map { r in
      Dictionary(r.fields.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
    }
    self.stream = CaseStream(self)
  }

  /// Loads, checks and converts a case file; `sha256` is the hash of its bytes. A regular case
  /// file streams straight into its facts (`CaseStream`); any other goes through the node tree,
  /// which reports what is wrong.
  package func compile(file: SourceFile, sha256: String) -> Diagnosed<CaseFacts> {
    if let facts = stream?.facts(file, sha256: sha256) { return Diagnosed(facts, []) }
    return compileThroughTree(file: file, sha256: sha256)
  }

  /// `compile(file:sha256:)` through the node tree and the case syntax, never streaming.
  package func compileThroughTree(file: SourceFile, sha256: String) -> Diagnosed<CaseFacts> {
    let (syntax, diagnostics) = Loader.loadCase(file)
    guard let syntax, !diagnostics.hasErrors else { return Diagnosed(nil, diagnostics) }
    let facts = compile(syntax, sha256: sha256)
    return Diagnosed(facts.value, diagnostics + facts.diagnostics)
  }

  /// Checks and converts a loaded case file; `sha256` is the hash of its bytes.
  package func compile(_ syntax: CaseSyntax, sha256: String) -> Diagnosed<CaseFacts> {
    var diagnostics: [Diagnostic] = []
    // The assessment date is a date like any date finding (to the day, month or year).
    if let date = syntax.date, Self.days(fromPartialDate: date.value) == nil {
      diagnostics.append(CheckCatalogue.invalidDate(date.value, at: date.location))
    }
    // Each finding is written in its section: `findings:`, or `course:` for the course of therapy.
    for (entries, section) in [(syntax.findings, String?.none), (syntax.course, "course")] {
      for (name, _) in entries {
        guard let slot = slots[name.value], !program.findings[slot].derived,
          program.findings[slot].section != section
        else { continue }
        diagnostics.append(
          CheckCatalogue.wrongSection(
            name.value, belongs: program.findings[slot].section, at: name.location))
      }
    }
    let (values, origins) = facts(syntax.findings + syntax.course, diagnostics: &diagnostics)
    let facts = CaseFacts(
      caseID: syntax.id.value, file: syntax.file.path, sha256: sha256,
      values: values, origins: origins)
    return Diagnosed(facts, diagnostics)
  }

  /// Checks and converts inline findings (pack tests).
  package func compile(
    findings: [(name: Located<String>, value: DataNode)], caseID: String, file: SourceFile,
    sha256: String
  ) -> Diagnosed<CaseFacts> {
    var diagnostics: [Diagnostic] = []
    let (values, origins) = facts(findings, diagnostics: &diagnostics)
    return Diagnosed(
      CaseFacts(caseID: caseID, file: file.path, sha256: sha256, values: values, origins: origins),
      diagnostics)
  }

  func facts(
    _ findings: [(name: Located<String>, value: DataNode)], diagnostics: inout [Diagnostic]
  )
    -> ([Value], [FactOrigin?])
  {
    var values = Array(repeating: Value.unknown, count: program.findings.count)
    var origins = Array(repeating: FactOrigin?.none, count: program.findings.count)
    var seen: [String: SourceLocation] = [:]
    for (name, node) in findings {
      if let first = seen[name.value] {
        diagnostics.append(
          CheckCatalogue.duplicateName("finding", name.value, at: name.location, first: first))
        continue
      }
      seen[name.value] = name.location
      guard let slot = slots[name.value] else {
        diagnostics.append(
          CheckCatalogue.unknownFinding(
            name.value, candidates: program.findings.filter { !$0.derived }.map(\.name),
            at: name.location))
        continue
      }
      let info = program.findings[slot]
      if info.derived {
        diagnostics.append(CheckCatalogue.derivedInCase(name.value, at: name.location))
        continue
      }
      if case .null = node.kind { continue }
      var origin = FactOrigin(location: node.location)
      if let value = convert(
        node, type: info.type, range: info.range, owner: info.name, origin: &origin,
        diagnostics: &diagnostics)
      {
        values[slot] = value
        origins[slot] = origin
      }
    }
    return (values, origins)
  }

  func convert(
    _ node: DataNode, type: ValueType, range: ClosedRange<Double>?, owner: String,
    origin: inout FactOrigin, diagnostics: inout [Diagnostic]
  ) -> Value? {
    func mismatch(_ expected: String) -> Value? {
      let found: String
      switch node.kind {
      case .null: found = "null"
      case .scalar(let s, _): found = "'\(s)'"
      case .list: found = "a list"
      case .record: found = "a mapping"
      }
      diagnostics.append(
        CheckCatalogue.typeMismatch(
          "'\(owner)' must be \(expected), found \(found)", at: node.location))
      return nil
    }
    if case .null = node.kind { return .unknown }
    switch type {
    case .boolean:
      guard case .scalar(let s, false) = node.kind, let b = ScalarText.boolean(s) else {
        return mismatch("true or false")
      }
      return .boolean(b)
    case .integer, .number:
      if case .record(let pairs) = node.kind {
        return partial(
          pairs, node: node, type: type, range: range, owner: owner, diagnostics: &diagnostics)
      }
      guard case .scalar(let s, false) = node.kind, let n = ScalarText.number(s) else {
        return mismatch(type == .integer ? "a whole number" : "a number")
      }
      if type == .integer && n != n.rounded() { return mismatch("a whole number") }
      guard abs(n) <= ScalarText.magnitudeLimit else {
        diagnostics.append(
          SyntaxCatalogue.numberOutOfBounds(
            s, what: "'\(owner)'", limit: ScalarText.magnitudeLimit, at: node.location))
        return nil
      }
      if let range, !range.contains(n) {
        diagnostics.append(CheckCatalogue.outOfRange(s, of: owner, range: range, at: node.location))
        return nil
      }
      return .number(n)
    case .enumeration(let id):
      guard case .scalar(let s, _) = node.kind else {
        return mismatch("one of: \(program.enums[id].values.joined(separator: ", "))")
      }
      guard let index = enumIndex[id][s] else {
        diagnostics.append(
          CheckCatalogue.unknownEnumValue(
            s, of: owner, candidates: program.enums[id].values, at: node.location))
        return nil
      }
      return .enumValue(index)
    case .set(let id):
      let items: [DataNode]
      switch node.kind {
      case .list(let list): items = list
      case .scalar: items = [node]
      default: return mismatch("a list of values")
      }
      var set = EnumSet()
      var ok = true
      for item in items {
        guard case .scalar(let s, _) = item.kind, let index = enumIndex[id][s] else {
          if case .scalar(let s, _) = item.kind {
            diagnostics.append(
              CheckCatalogue.unknownEnumValue(
                s, of: owner, candidates: program.enums[id].values, at: item.location))
          } else {
            diagnostics.append(
              CheckCatalogue.typeMismatch("items of '\(owner)' must be values", at: item.location))
          }
          ok = false
          continue
        }
        set.insert(index)
      }
      return ok ? .set(set) : nil
    case .string:
      guard case .scalar(let s, _) = node.kind else { return mismatch("text") }
      return .string(s)
    case .date:
      guard case .scalar(let s, _) = node.kind else { return mismatch("a date") }
      guard let (first, last) = Self.days(fromPartialDate: s) else {
        diagnostics.append(CheckCatalogue.invalidDate(s, at: node.location))
        return nil
      }
      return first == last ? .date(first) : .interval(Double(first), Double(last))
    case .list(let recordID):
      guard case .list(let items) = node.kind else { return mismatch("a list of mappings") }
      if items.count > Self.listLimit {
        diagnostics.append(
          CheckCatalogue.tooManyItems(
            owner, count: items.count, limit: Self.listLimit, at: items[Self.listLimit].location))
        return nil
      }
      let record = program.records[recordID]
      var out: [Record] = []
      var ok = true
      for item in items {
        guard case .record(let pairs) = item.kind else {
          diagnostics.append(
            CheckCatalogue.typeMismatch(
              "items of '\(owner)' must be mappings of fields", at: item.location))
          ok = false
          continue
        }
        // A field left out takes its declared default (it has no location in the case).
        var fields = record.fields.map { $0.defaultValue ?? Value.unknown }
        var fieldOrigins = Array(repeating: SourceLocation?.none, count: record.fields.count)
        for (key, value) in pairs {
          guard let index = fieldIndex[recordID][key.value] else {
            diagnostics.append(
              CheckCatalogue.unknownField(
                key.value, of: owner, candidates: record.fields.map(\.name), at: key.location))
            ok = false
            continue
          }
          let field = record.fields[index]
          var ignored = FactOrigin(location: value.location)
          if let converted = convert(
            value, type: field.type, range: field.range, owner: "\(owner).\(field.name)",
            origin: &ignored,
            diagnostics: &diagnostics)
          {
            fields[index] = converted
            fieldOrigins[index] = value.location
          } else {
            ok = false
          }
        }
        out.append(Record(fields: fields))
        origin.elements.append(item.location)
        origin.fields.append(fieldOrigins)
      }
      // Fields declared `increasing` must rise strictly from one item to the next (a partly known
      // value is out of order only when it surely is).
      for (index, field) in record.fields.enumerated() where field.increasing {
        var previous: (bounds: (low: Double, high: Double), item: Int)?
        for (k, item) in out.enumerated() {
          guard let bounds = item.fields[index].bounds else { continue }
          if let p = previous, bounds.high <= p.bounds.low {
            let describe = { (v: Value) -> String in
              if case .date(let d) = v { return DateText.iso(d) }
              if case .number(let n) = v { return NumberText.format(n) }
              return "a lower value"
            }
            diagnostics.append(
              CheckCatalogue.notIncreasing(
                "\(owner).\(field.name)", value: describe(item.fields[index]),
                previous: describe(out[p.item].fields[index]),
                at: origin.fields[k][index] ?? origin.elements[k],
                previousAt: origin.fields[p.item][index] ?? origin.elements[p.item]))
            ok = false
          }
          previous = (bounds, k)
        }
      }
      return ok ? .records(out) : nil
    case .record:
      return mismatch("a record")
    }
  }

  /// The most records one list of a case may hold: far more life events, relationships or
  /// sessions than any assessment records, and few enough that every rule over the list stays fast.
  package static let listLimit = 1_000

  /// The words of a partly known number.
  static let partialKeys = ["between", "at_least", "at_most"]

  /// A partly known number: `{between: [low, high]}`, `{at_least: low}` or `{at_most: high}`,
  /// checked against the declared range (an open end takes the range's end).
  func partial(
    _ pairs: [(key: Located<String>, value: DataNode)], node: DataNode, type: ValueType,
    range: ClosedRange<Double>?, owner: String, diagnostics: inout [Diagnostic]
  ) -> Value? {
    guard pairs.count == 1, let (key, value) = pairs.first, Self.partialKeys.contains(key.value)
    else {
      let key = pairs.first { !Self.partialKeys.contains($0.key.value) }?.key ?? pairs.first?.key
      diagnostics.append(
        CheckCatalogue.invalidInterval(
          "'\(owner)' must be a number or one of {between: [low, high]}, {at_least: n}, {at_most: n}",
          at: key?.location ?? node.location,
          hint: key.flatMap { Suggest.hint(for: $0.value, in: Self.partialKeys) }))
      return nil
    }
    func bound(_ node: DataNode) -> Double? {
      guard case .scalar(let s, false) = node.kind, let n = ScalarText.number(s) else {
        diagnostics.append(
          CheckCatalogue.typeMismatch("a bound of '\(owner)' must be a number", at: node.location))
        return nil
      }
      guard abs(n) <= ScalarText.magnitudeLimit else {
        diagnostics.append(
          SyntaxCatalogue.numberOutOfBounds(
            s, what: "a bound of '\(owner)'", limit: ScalarText.magnitudeLimit, at: node.location))
        return nil
      }
      if type == .integer && n != n.rounded() {
        diagnostics.append(
          CheckCatalogue.typeMismatch(
            "a bound of '\(owner)' must be a whole number", at: node.location))
        return nil
      }
      if let range, !range.contains(n) {
        diagnostics.append(CheckCatalogue.outOfRange(s, of: owner, range: range, at: node.location))
        return nil
      }
      return n
    }
    let low: Double
    let high: Double
    switch key.value {
    case "between":
      guard case .list(let items) = value.kind, items.count == 2 else {
        diagnostics.append(
          CheckCatalogue.invalidInterval(
            "'between' takes two numbers, as in {between: [25, 34]}", at: value.location, hint: nil)
        )
        return nil
      }
      guard let a = bound(items[0]), let b = bound(items[1]) else { return nil }
      guard a <= b else {
        diagnostics.append(
          CheckCatalogue.invalidInterval(
            "the interval of '\(owner)' is empty: \(NumberText.format(a)) > \(NumberText.format(b))",
            at: value.location, hint: "write the lower bound first"))
        return nil
      }
      (low, high) = (a, b)
    case "at_least":
      guard let a = bound(value) else { return nil }
      (low, high) = (a, range?.upperBound ?? .infinity)
    default:
      guard let b = bound(value) else { return nil }
      (low, high) = (range?.lowerBound ?? -.infinity, b)
    }
    return .between(low, high)
  }

  /// The first and last day (since 1970-01-01) of a date given in full (`YYYY-MM-DD`), to the
  /// month (`YYYY-MM`) or to the year (`YYYY`); nil when it is not such a date.
  static func days(fromPartialDate text: String) -> (Int, Int)? {
    // Digits and dashes only (`Int` alone would also take `+026`).
    guard !text.hasPrefix("-"),
      text.utf8.allSatisfy({
        ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: "-")
      })
    else { return nil }
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    switch parts.count {
    case 1:
      guard parts[0].count == 4, let y = Int(parts[0]) else { return nil }
      guard let first = days(fromISODate: "\(parts[0])-01-01"),
        let last = days(fromISODate: "\(parts[0])-12-31"), y >= 0
      else { return nil }
      return (first, last)
    case 2:
      guard parts[0].count == 4, parts[1].count == 2, let m = Int(parts[1]), (1...12).contains(m),
        let first = days(fromISODate: "\(parts[0])-\(parts[1])-01")
      else { return nil }
      var last = first
      for d in (28...31).reversed() {
        if let day = days(fromISODate: "\(parts[0])-\(parts[1])-\(d)") {
          last = day
          break
        }
      }
      return (first, last)
    default:
      return days(fromISODate: text).map { ($0, $0) }
    }
  }

  /// Days since 1970-01-01 for a `YYYY-MM-DD` date, or nil.
  static func days(fromISODate text: String) -> Int? {
    let parts = text.split(separator: "-")
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]), (1...12).contains(m)
    else { return nil }
    guard d >= 1, d <= monthLength(y, m) else { return nil }
    return days(y, m, d)
  }

  /// The days in month `m` (1 to 12) of year `y`.
  static func monthLength(_ y: Int, _ m: Int) -> Int {
    switch m {
    case 2: (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  /// Days since 1970-01-01 of a valid date (Howard Hinnant's days from civil).
  static func days(_ y: Int, _ m: Int, _ d: Int) -> Int {
    let yy = m <= 2 ? y - 1 : y
    let era = (yy >= 0 ? yy : yy - 399) / 400
    let yoe = yy - era * 400
    let mp = (m + 9) % 12
    let doy = (153 * mp + 2) / 5 + d - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146097 + doe - 719468
  }
}
