import RuleDiagnostics
package import RuleEngine

/// Turns runtime values and templates into text: values as data (`describe`, for observations)
/// and as people say them (`phrase`, for `because` and `teach`).
package struct ValueFormatter: Sendable {
  package let program: Program

  package init(program: Program) { self.program = program }

  /// A value as data: `17`, `death`, `[a, b]`, `unknown`, `25-34`, `at least 12`.
  package func describe(_ value: Value, _ type: ValueType) -> String {
    switch value {
    case .unknown: return "unknown"
    case .boolean(let b): return b ? "true" : "false"
    case .number(let n): return NumberText.format(n)
    case .enumValue(let i):
      if case .enumeration(let e) = type, i < program.enums[e].values.count {
        return program.enums[e].values[i]
      }
      return "#\(i)"
    case .set(let set):
      if case .set(let e) = type {
        return "["
          + set.indices.compactMap {
            $0 < program.enums[e].values.count ? program.enums[e].values[$0] : nil
          }
          .joined(separator: ", ") + "]"
      }
      return "[]"
    case .string(let s): return "\"\(s)\""
    case .date(let days): return Self.date(days)
    case .records(let items):
      guard case .list(let r) = type else { return "\(items.count) items" }
      return "[" + items.map { record(r, $0) }.joined(separator: ", ") + "]"
    case .interval(let low, let high):
      return Self.interval(low, high, type: type, unit: nil, declared: nil)
    }
  }

  /// An interval as data or speech: `25-34`, `at least 12 months`, `at most 2`, `any value`;
  /// dates as `2001-09-01 to 2001-09-30`.
  /// An end that is the declared range's end reads as open: `{at_most: 4}` of a finding whose
  /// range starts at 0 is "at most 4", not "0-4".
  static func interval(
    _ low: Double, _ high: Double, type: ValueType, unit: String?, declared: ClosedRange<Double>?
  ) -> String {
    func text(_ x: Double) -> String { type == .date ? date(Int(x)) : NumberText.format(x) }
    let suffix = unit.map { " " + $0 } ?? ""
    let openLow = !low.isFinite || (declared.map { low <= $0.lowerBound } ?? false)
    let openHigh = !high.isFinite || (declared.map { high >= $0.upperBound } ?? false)
    switch (!openLow, !openHigh) {
    case (true, true):
      return type == .date ? "\(text(low)) to \(text(high))" : "\(text(low))-\(text(high))\(suffix)"
    case (true, false): return "at least \(text(low))\(suffix)"
    case (false, true): return "at most \(text(high))\(suffix)"
    case (false, false): return "any value"
    }
  }

  /// A record as `{kind: death, who: parent}` (unknown fields left out).
  package func record(_ recordType: Int, _ record: Record) -> String {
    let fields = program.records[recordType].fields
    let parts = record.fields.enumerated().compactMap { index, value -> String? in
      guard value.isKnown || value.bounds != nil, index < fields.count else { return nil }
      return "\(fields[index].name): \(describe(value, fields[index].type))"
    }
    return "{" + parts.joined(separator: ", ") + "}"
  }

  static func date(_ days: Int) -> String { DateText.iso(days) }

  /// `unit` for a quantity of one (`months` -> `month`), else `unit`.
  static func unit(_ unit: String, for n: Double) -> String {
    guard n == 1, unit.count > 1, unit.hasSuffix("s") else { return unit }
    return String(unit.dropLast())
  }

  /// A value as a sentence says it: an enum value by its label, a number with its unit and the
  /// right plural (`1 month`, `4 months`), an interval as one (`25-34 years`), a set as a list;
  /// nil when it is unknown.
  package func phrase(
    _ value: Value, _ type: ValueType, unit: String?, range: ClosedRange<Double>? = nil
  ) -> String? {
    switch value {
    case .unknown: return nil
    case .number(let n):
      return NumberText.format(n) + (unit.map { " " + Self.unit($0, for: n) } ?? "")
    case .interval(let low, let high):
      return Self.interval(low, high, type: type, unit: unit, declared: range)
    case .enumValue(let i):
      if case .enumeration(let e) = type, i < program.enums[e].labels.count {
        return program.enums[e].labels[i]
      }
      return describe(value, type)
    case .set(let set):
      guard case .set(let e) = type else { return describe(value, type) }
      let labels = set.indices.compactMap {
        $0 < program.enums[e].labels.count ? program.enums[e].labels[$0] : nil
      }
      switch labels.count {
      case 0: return "none"
      case 1: return labels[0]
      default: return labels.dropLast().joined(separator: ", ") + " and " + (labels.last ?? "")
      }
    case .string(let s): return s
    default: return describe(value, type)
    }
  }

  /// Fills a template with the case's values and the rule's bindings. An optional part
  /// (`[[...]]`) is left out when one of its placeholders is unknown; a placeholder outside one
  /// that is unknown reads "not recorded".
  package func fill(_ template: Template, trace: RuleTrace, evaluation: Evaluation) -> String {
    fill(template.pieces, trace: trace, evaluation: evaluation) ?? ""
  }

  /// The text of `pieces`, or nil when `strict` and a placeholder is unknown.
  private func fill(
    _ pieces: [Template.Piece], trace: RuleTrace, evaluation: Evaluation, strict: Bool = false
  ) -> String? {
    var out = ""
    for piece in pieces {
      switch piece {
      case .text(let text): out += text
      case .optional(let inner):
        out += fill(inner, trace: trace, evaluation: evaluation, strict: true) ?? ""
      default:
        guard let text = placeholder(piece, trace: trace, evaluation: evaluation) else {
          if strict { return nil }
          out += "not recorded"
          continue
        }
        out += text
      }
    }
    return out
  }

  private func placeholder(_ piece: Template.Piece, trace: RuleTrace, evaluation: Evaluation)
    -> String?
  {
    switch piece {
    case .finding(let slot, _):
      let finding = program.findings[slot]
      return phrase(evaluation.facts[slot], finding.type, unit: finding.unit, range: finding.range)
    case .constant(let value, let type, _):
      return phrase(value, type, unit: nil)
    case .variable(let local, let field, _, _):
      let name = program.rules[trace.rule].localNames[local]
      guard let binding = trace.bindings.first(where: { $0.name == name }),
        case .records(let items) = evaluation.facts[binding.slot], binding.element < items.count,
        case .list(let r) = program.findings[binding.slot].type
      else { return nil }
      let item = items[binding.element]
      guard let field else { return record(r, item) }
      let info = program.records[r].fields[field]
      return phrase(item.fields[field], info.type, unit: info.unit, range: info.range)
    case .text, .optional:
      return nil
    }
  }
}
