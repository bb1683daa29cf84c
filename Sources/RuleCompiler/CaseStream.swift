package import RuleDiagnostics
package import RuleEngine
import RuleSyntax

/// Reads a case file straight into its fact slots: libyaml's events are checked against the
/// vocabulary and converted as they arrive, with no node tree and no syntax model between.
/// Build one per program (beside `CaseCompiler`'s name tables) and reuse it for many cases.
///
/// It reads regular case files only. On anything else (a YAML error, an alias, a repeated key,
/// an unknown name, a value of the wrong type or out of range, anything it does not handle) it
/// gives up, and `CaseCompiler` reads the file again through the node tree, which says exactly
/// what is wrong. So the facts it returns are those the tree gives, and it never reports.
package struct CaseStream: Sendable {
  let program: Program
  /// Finding name -> slot (the slot `CaseCompiler.slots` gives the same name).
  let findings: NameTable
  /// Per slot: whether the finding may be written in a case (not derived), and in which section.
  let placement: [Placement]
  /// Per enum: value -> index.
  let enumValues: [NameTable]
  /// Per record type: field name -> field slot.
  let fields: [NameTable]
  /// Per record type: each field's value when an item leaves it out.
  let defaults: [[Value]]

  /// Where a finding may be written in a case.
  enum Placement: Sendable {
    /// Under `findings:`.
    case findings
    /// Under `course:`.
    case course
    /// Nowhere: derived, or declared in a section a case does not have.
    case nowhere
  }

  /// The keys of a case file (`SyntaxKeys.caseFile`).
  enum Key: Int, CaseIterable {
    case `case`, date, assessor, source, findings, course, notes
  }
  static let keys = NameTable(Key.allCases.map { (name: "\($0)", value: $0.rawValue) })
  /// The words of a partly known number (`CaseCompiler.partialKeys`).
  static let partialKeys = NameTable(
    CaseCompiler.partialKeys.enumerated().map { (name: $1, value: $0) })

  /// Prepares byte-keyed lookups from `compiler`'s name tables.
  init(_ compiler: CaseCompiler) {
    let program = compiler.program
    self.program = program
    findings = NameTable(compiler.slots.map { (name: $0.key, value: $0.value) })
    placement = program.findings.map {
      if $0.derived { return .nowhere }
      switch $0.section {
      case nil: return .findings
      case "course": return .course
      default: return .nowhere
      }
    }
    enumValues = compiler.enumIndex.map { index in
      NameTable(index.map { (name: $0.key, value: $0.value) })
    }
    fields = compiler.fieldIndex.map { index in
      NameTable(index.map { (name: $0.key, value: $0.value) })
    }
    defaults = program.records.map { $0.fields.map { $0.defaultValue ?? Value.unknown } }
  }

  /// The facts of a regular case file, or nil when the file needs the node tree (see above).
  package func facts(_ file: SourceFile, sha256: String) -> CaseFacts? {
    // What `YAMLReader` refuses before parsing: a binary file, nesting too deep.
    if YAMLReader.refusedBeforeParsing(file) { return nil }
    return YAMLEventReader.read(file.text) { events in
      var reading = Reading(stream: self, events: events, path: file.path)
      do throws(Irregular) {
        let caseID = try reading.caseFile()
        return CaseFacts(
          caseID: caseID, file: file.path, sha256: sha256, values: reading.values,
          origins: reading.origins)
      } catch {
        return nil
      }
    }
  }

  /// Why the stream gave up.
  enum Irregular: Error {
    /// The file is not a regular case file: the node tree must read it.
    case irregular
  }
}

extension CaseStream {
  /// One case being read.
  struct Reading {
    let stream: CaseStream
    let events: YAMLEventReader
    let path: String
    var values: [Value]
    var origins: [FactOrigin?]
    /// The findings written so far.
    var written: [Bool]
    /// Nodes so far, against `YAMLReader.nodeBudget`.
    var nodes = 0

    init(stream: CaseStream, events: YAMLEventReader, path: String) {
      self.stream = stream
      self.events = events
      self.path = path
      let count = stream.program.findings.count
      values = Array(repeating: .unknown, count: count)
      origins = Array(repeating: nil, count: count)
      written = Array(repeating: false, count: count)
    }

    /// Where the current event starts.
    var location: SourceLocation {
      SourceLocation(file: path, line: events.line, column: events.column)
    }

    /// Moves to the next event, counting nodes as `YAMLComposer` does; aliases are irregular.
    mutating func advance() throws(Irregular) {
      guard events.next() else { throw .irregular }
      switch events.kind {
      case .scalar, .sequenceStart, .mappingStart:
        nodes += 1
        if nodes > YAMLReader.nodeBudget { throw .irregular }
      case .alias, .none:
        throw .irregular
      default:
        break
      }
    }

    /// Moves to the next event, which must be of `kind`.
    mutating func expect(_ kind: YAMLEventReader.Kind) throws(Irregular) {
      try advance()
      guard events.kind == kind else { throw .irregular }
    }

    /// Reads the whole stream: one document, a mapping of the case file's keys. Returns the
    /// case id.
    mutating func caseFile() throws(Irregular) -> String {
      try expect(.streamStart)
      try expect(.documentStart)
      try expect(.mappingStart)
      var caseID: String?
      var seen: UInt8 = 0
      while true {
        try advance()
        if events.kind == .mappingEnd { break }
        guard events.kind == .scalar, let raw = CaseStream.keys.value(for: events.scalar),
          let key = Key(rawValue: raw), seen & 1 << raw == 0
        else { throw .irregular }
        seen |= 1 << raw
        try advance()
        switch key {
        case .case:
          // Required, and text.
          guard events.kind == .scalar, !events.isNull else { throw .irregular }
          caseID = String(decoding: events.scalar, as: UTF8.self)
        case .date:
          guard events.kind == .scalar else { throw .irregular }
          if !events.isNull, CaseStream.partialDate(events.scalar) == nil { throw .irregular }
        case .assessor, .source, .notes:
          guard events.kind == .scalar else { throw .irregular }
        case .findings, .course:
          if events.kind == .scalar, events.isNull { continue }
          guard events.kind == .mappingStart else { throw .irregular }
          try section(key == .course ? .course : .findings)
        }
      }
      try expect(.documentEnd)
      // A second document is an error in the tree.
      try expect(.streamEnd)
      guard let caseID else { throw .irregular }
      return caseID
    }

    /// The entries of `findings:` or `course:`, after its mapping start.
    mutating func section(_ placement: Placement) throws(Irregular) {
      while true {
        try advance()
        if events.kind == .mappingEnd { return }
        // A name, not null (a finding named `null` is written quoted).
        guard events.kind == .scalar, !events.isNull,
          let slot = stream.findings.value(for: events.scalar),
          stream.placement[slot] == placement, !written[slot]
        else { throw .irregular }
        written[slot] = true
        try advance()
        let info = stream.program.findings[slot]
        let at = location
        switch events.kind {
        case .scalar:
          if events.isNull { continue }  // unknown, as if not written
          values[slot] = try scalar(type: info.type, range: info.range)
          origins[slot] = FactOrigin(location: at)
        case .sequenceStart, .mappingStart:
          var origin = FactOrigin(location: at)
          values[slot] = try collection(type: info.type, range: info.range, origin: &origin)
          origins[slot] = origin
        default:
          throw .irregular
        }
      }
    }

    /// A value written as a list or a mapping, from its start event: a set, a list of records
    /// (with the places of its items and fields in `origin`) or a partly known number.
    mutating func collection(
      type: ValueType, range: ClosedRange<Double>?, origin: inout FactOrigin
    ) throws(Irregular) -> Value {
      switch (events.kind, type) {
      case (.sequenceStart, .set(let id)):
        var set = EnumSet()
        while true {
          try advance()
          if events.kind == .sequenceEnd { return .set(set) }
          guard events.kind == .scalar, !events.isNull,
            let index = stream.enumValues[id].value(for: events.scalar)
          else { throw .irregular }
          set.insert(index)
        }
      case (.sequenceStart, .list(let id)):
        return try records(id, origin: &origin)
      case (.mappingStart, .integer), (.mappingStart, .number):
        return try partial(type: type, range: range)
      default:
        throw .irregular
      }
    }

    /// A list of records, after its sequence start.
    mutating func records(_ id: Int, origin: inout FactOrigin) throws(Irregular) -> Value {
      let record = stream.program.records[id]
      var items: [Record] = []
      while true {
        try advance()
        if events.kind == .sequenceEnd { break }
        guard events.kind == .mappingStart, items.count < CaseCompiler.listLimit else {
          throw .irregular
        }
        origin.elements.append(location)
        var fields = stream.defaults[id]
        var places = Array(repeating: SourceLocation?.none, count: fields.count)
        while true {
          try advance()
          if events.kind == .mappingEnd { break }
          guard events.kind == .scalar, let index = stream.fields[id].value(for: events.scalar),
            places[index] == nil
          else { throw .irregular }
          try advance()
          let field = record.fields[index]
          let at = location
          switch events.kind {
          case .scalar:
            fields[index] = try scalar(type: field.type, range: field.range)
          case .sequenceStart, .mappingStart:
            var ignored = FactOrigin(location: at)
            fields[index] = try collection(type: field.type, range: field.range, origin: &ignored)
          default:
            throw .irregular
          }
          places[index] = at
        }
        items.append(Record(fields: fields))
        origin.fields.append(places)
      }
      // Fields declared `increasing` rise strictly from one item to the next.
      for (index, field) in record.fields.enumerated() where field.increasing {
        var previous: (low: Double, high: Double)?
        for item in items {
          guard let bounds = item.fields[index].bounds else { continue }
          if let p = previous, bounds.high <= p.low { throw .irregular }
          previous = bounds
        }
      }
      return .records(items)
    }

    /// A partly known number (`{between: [low, high]}`, `{at_least: n}`, `{at_most: n}`), after
    /// its mapping start.
    mutating func partial(type: ValueType, range: ClosedRange<Double>?) throws(Irregular)
      -> Value
    {
      try expect(.scalar)
      guard let key = CaseStream.partialKeys.value(for: events.scalar) else { throw .irregular }
      try advance()
      let low: Double
      let high: Double
      switch key {
      case 0:  // between
        guard events.kind == .sequenceStart else { throw .irregular }
        try expect(.scalar)
        let a = try bound(type: type, range: range)
        try expect(.scalar)
        let b = try bound(type: type, range: range)
        try expect(.sequenceEnd)
        guard a <= b else { throw .irregular }
        (low, high) = (a, b)
      case 1:  // at_least
        guard events.kind == .scalar else { throw .irregular }
        (low, high) = (try bound(type: type, range: range), range?.upperBound ?? .infinity)
      default:  // at_most
        guard events.kind == .scalar else { throw .irregular }
        (low, high) = (range?.lowerBound ?? -.infinity, try bound(type: type, range: range))
      }
      try expect(.mappingEnd)
      return .between(low, high)
    }

    /// The current scalar as a number of `type` within `range` and the magnitude limit.
    func bound(type: ValueType, range: ClosedRange<Double>?) throws(Irregular) -> Double {
      guard events.style == .plain, let n = CaseStream.number(events.scalar),
        abs(n) <= ScalarText.magnitudeLimit, type != .integer || n == n.rounded(),
        range?.contains(n) ?? true
      else { throw .irregular }
      return n
    }

    /// The current scalar as a value of `type` (null is unknown).
    func scalar(type: ValueType, range: ClosedRange<Double>?) throws(Irregular) -> Value {
      if events.isNull { return .unknown }
      switch type {
      case .boolean:
        guard events.style == .plain, let b = CaseStream.boolean(events.scalar) else {
          throw .irregular
        }
        return .boolean(b)
      case .integer, .number:
        return .number(try bound(type: type, range: range))
      case .enumeration(let id):
        guard let index = stream.enumValues[id].value(for: events.scalar) else {
          throw .irregular
        }
        return .enumValue(index)
      case .set(let id):
        guard let index = stream.enumValues[id].value(for: events.scalar) else {
          throw .irregular
        }
        var set = EnumSet()
        set.insert(index)
        return .set(set)
      case .string:
        return .string(String(decoding: events.scalar, as: UTF8.self))
      case .date:
        guard let value = CaseStream.partialDate(events.scalar) else { throw .irregular }
        return value
      case .list, .record:
        throw .irregular
      }
    }
  }
}
