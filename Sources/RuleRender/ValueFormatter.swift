import RuleDiagnostics
package import RuleEngine

/// Turns runtime values and templates into text.
package struct ValueFormatter: Sendable {
  package let program: Program

  package init(program: Program) { self.program = program }

  /// A value as text: `17`, `death`, `[a, b]`, `unknown`.
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
    }
  }

  /// A record as `{kind: death, who: parent}` (unknown fields left out).
  package func record(_ recordType: Int, _ record: Record) -> String {
    let fields = program.records[recordType].fields
    let parts = record.fields.enumerated().compactMap { index, value -> String? in
      guard value.isKnown, index < fields.count else { return nil }
      return "\(fields[index].name): \(describe(value, fields[index].type))"
    }
    return "{" + parts.joined(separator: ", ") + "}"
  }

  static func date(_ days: Int) -> String {
    // Civil from days (Howard Hinnant's algorithm).
    let z = days + 719468
    let era = (z >= 0 ? z : z - 146096) / 146097
    let doe = z - era * 146097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
    func pad(_ v: Int, _ width: Int) -> String {
      let s = String(v)
      return String(repeating: "0", count: max(0, width - s.count)) + s
    }
    return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
  }

  /// Fills a template with the case's values and the rule's bindings.
  package func fill(_ template: Template, trace: RuleTrace, evaluation: Evaluation) -> String {
    var out = ""
    for piece in template.pieces {
      switch piece {
      case .text(let text): out += text
      case .finding(let slot, _):
        out += describe(evaluation.facts[slot], program.findings[slot].type)
      case .constant(let value, let type, _): out += describe(value, type)
      case .variable(let local, let field, _, _):
        let name = program.rules[trace.rule].localNames[local]
        guard let binding = trace.bindings.first(where: { $0.name == name }),
          case .records(let items) = evaluation.facts[binding.slot], binding.element < items.count,
          case .list(let r) = program.findings[binding.slot].type
        else {
          out += "unknown"
          continue
        }
        let item = items[binding.element]
        if let field {
          out += describe(item.fields[field], program.records[r].fields[field].type)
        } else {
          out += record(r, item)
        }
      }
    }
    return out
  }
}
