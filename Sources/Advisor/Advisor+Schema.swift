import Foundation
import RuleCompiler
import RuleEngine
import RuleRender
import RuleSyntax

/// The kinds of file `ipt schema` describes.
public enum SchemaKind: String, Sendable, CaseIterable {
  /// `pack.yaml`.
  case manifest
  /// Any other YAML file of a pack.
  case packFile = "pack-file"
  /// A file of pack tests.
  case tests
  /// A trainee's formulation for this pack (its outputs and values).
  case formulation
  /// A case file for this pack (its vocabulary).
  case `case`
}

extension Advisor {
  /// The JSON Schema (draft 2020-12) of a kind of file, as pretty JSON with sorted keys; the case
  /// and formulation schemas are generated from this pack's vocabulary and outputs.
  public func schema(_ kind: SchemaKind) -> String {
    let value: JSONValue =
      switch kind {
      case .manifest: PackSchemas.manifest
      case .packFile: PackSchemas.packFile
      case .tests: PackSchemas.tests
      case .formulation:
        PackSchemas.formulation(
          outputs: program.outputs.map { ($0.name, $0.values.map(\.name)) })
      case .case: caseSchema
      }
    return JSONText.encode(value)
  }

  /// A case file of this pack: every finding a case may give, with its type, range, values and
  /// labels, and its question as the description.
  var caseSchema: JSONValue {
    var findings: [String: JSONValue] = [:]
    var course: [String: JSONValue] = [:]
    for finding in program.findings where !finding.derived {
      let schema = Self.described(
        valueSchema(finding.type, range: finding.range), finding.description, ask: finding.ask,
        unit: finding.unit)
      if finding.section == "course" {
        course[finding.name] = schema
      } else {
        findings[finding.name] = schema
      }
    }
    let id = "\(program.pack.id)-\(program.pack.version)"
    return [
      "$schema": PackSchemas.dialect,
      "$id": .string("https://ipt-advisor.invalid/schemas/case-\(id).schema.json"),
      "title": .string("ipt-advisor case file for \(program.pack.id) \(program.pack.version)"),
      "type": "object", "required": ["case"], "additionalProperties": false,
      "properties": [
        "case": ["type": "string"], "date": ["anyOf": [["type": "string"], ["format": "date"]]],
        "assessor": ["type": "string"], "source": ["type": "string"],
        "notes": ["type": "string"],
        "findings": [
          "type": "object", "properties": .object(findings), "additionalProperties": false,
        ],
        "course": [
          "type": "object", "properties": .object(course), "additionalProperties": false,
        ],
      ],
    ]
  }

  private static func described(
    _ schema: JSONValue, _ description: String?, ask: String?, unit: String?
  ) -> JSONValue {
    guard case .object(var object) = schema else { return schema }
    let text = [description, ask, unit.map { "Unit: \($0)." }].compactMap { $0 }.joined(
      separator: " ")
    if !text.isEmpty { object["description"] = .string(text) }
    return .object(object)
  }

  private func valueSchema(_ type: ValueType, range: ClosedRange<Double>?) -> JSONValue {
    func numeric(_ kind: String) -> JSONValue {
      var exact: [String: JSONValue] = ["type": .string(kind)]
      if let range {
        exact["minimum"] = .number(range.lowerBound)
        exact["maximum"] = .number(range.upperBound)
      }
      let bound = JSONValue.object(exact)
      // A partly known number: {between: [low, high]}, {at_least: n} or {at_most: n}.
      let partial: JSONValue = [
        "type": "object", "minProperties": 1, "maxProperties": 1, "additionalProperties": false,
        "properties": [
          "between": ["type": "array", "items": bound, "minItems": 2, "maxItems": 2],
          "at_least": bound, "at_most": bound,
        ],
      ]
      return ["anyOf": [bound, partial]]
    }
    func enumeration(_ id: Int) -> JSONValue {
      let info = program.enums[id]
      return [
        "oneOf": .array(
          info.values.indices.map { i in
            ["const": .string(info.values[i]), "title": .string(info.labels[i])]
          })
      ]
    }
    switch type {
    case .boolean: return ["type": "boolean"]
    case .integer: return numeric("integer")
    case .number: return numeric("number")
    case .string: return ["type": "string"]
    case .date:
      return [
        "anyOf": [
          ["type": "string", "pattern": "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"], ["format": "date"],
        ]
      ]
    case .enumeration(let id): return enumeration(id)
    case .set(let id):
      return ["type": "array", "uniqueItems": true, "items": enumeration(id)]
    case .list(let record), .record(let record):
      var fields: [String: JSONValue] = [:]
      for field in program.records[record].fields {
        fields[field.name] = Self.described(
          valueSchema(field.type, range: field.range), field.description, ask: field.ask,
          unit: field.unit)
      }
      let item: JSONValue = [
        "type": "object", "properties": .object(fields), "additionalProperties": false,
      ]
      if case .record = type { return item }
      return ["type": "array", "maxItems": .number(Double(CaseCompiler.listLimit)), "items": item]
    }
  }
}
