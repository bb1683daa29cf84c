/// JSON Schemas (draft 2020-12) of the files trainers write, built from `SyntaxKeys`, the keys the
/// loader itself accepts, so that an editor with the YAML language server validates and completes
/// exactly what `ipt lint` reads. They check shape and keys; names and types are `ipt lint`'s job.
package enum PackSchemas {
  package static let dialect: JSONValue = "https://json-schema.org/draft/2020-12/schema"

  /// An object with exactly these keys (each described by `properties`, or left open).
  package static func object(
    _ keys: [String], _ properties: [String: JSONValue] = [:], required: [String] = []
  ) -> JSONValue {
    var props: [String: JSONValue] = [:]
    for key in keys { props[key] = properties[key] ?? [:] }
    var schema: [String: JSONValue] = [
      "type": "object", "properties": .object(props), "additionalProperties": false,
    ]
    if !required.isEmpty { schema["required"] = .array(required.map { .string($0) }) }
    return .object(schema)
  }

  /// A mapping from names to `value`.
  package static func map(_ value: JSONValue) -> JSONValue {
    ["type": "object", "additionalProperties": value]
  }

  static let text: JSONValue = ["type": "string"]
  static let texts: JSONValue = ["type": "array", "items": text]
  static let textOrTexts: JSONValue = ["anyOf": [text, texts]]
  static let number: JSONValue = ["type": "number"]
  static let integer: JSONValue = ["type": "integer"]
  static let boolean: JSONValue = ["type": "boolean"]
  /// A date as YAML gives it, or as text (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`).
  static let date: JSONValue = [
    "anyOf": [
      ["type": "string", "pattern": "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"], ["format": "date"],
    ]
  ]

  static var condition: JSONValue {
    [
      "anyOf": [
        text, ["type": "boolean"],
        [
          "type": "object", "minProperties": 1, "maxProperties": 1,
          "properties": [
            "all": ["type": "array", "items": ["$ref": "#/$defs/condition"]],
            "any": ["type": "array", "items": ["$ref": "#/$defs/condition"]],
            "not": ["$ref": "#/$defs/condition"],
          ],
          "additionalProperties": false,
        ],
      ]
    ]
  }

  static var type: JSONValue {
    object(
      SyntaxKeys.field,
      [
        "type": text, "values": ["anyOf": [texts, map(object(["label"], ["label": text]))]],
        "range": ["type": "array", "items": number, "minItems": 2, "maxItems": 2],
        "unit": text, "description": text, "ask": text, "like": text, "increasing": boolean,
      ])
  }

  static var finding: JSONValue {
    object(
      SyntaxKeys.finding,
      [
        "type": text, "values": ["anyOf": [texts, map(object(["label"], ["label": text]))]],
        "range": ["type": "array", "items": number, "minItems": 2, "maxItems": 2],
        "unit": text, "fields": map(type), "description": text, "ask": text, "derived": boolean,
        "priority": integer, "section": ["enum": ["course"]], "bands": map(number),
        "record_only": boolean,
      ], required: ["type"])
  }

  static var output: JSONValue {
    object(
      SyntaxKeys.output,
      [
        "title": text, "description": text,
        "pick": object(SyntaxKeys.pick, ["max": integer, "min_weight": number]),
        "values": map(
          object(SyntaxKeys.outputValue, ["label": text, "description": text, "cite": texts])),
      ], required: ["values"])
  }

  static var alert: JSONValue {
    object(
      SyntaxKeys.alert,
      [
        "severity": ["enum": ["info", "warning", "critical"]], "label": text, "description": text,
        "cite": texts,
      ], required: ["severity", "label"])
  }

  static var rule: JSONValue {
    let outputValues: JSONValue = map(textOrTexts)
    return object(
      SyntaxKeys.rule,
      [
        "id": text, "title": text,
        "when": [
          "anyOf": [
            ["$ref": "#/$defs/condition"],
            ["type": "array", "items": ["$ref": "#/$defs/condition"]],
          ]
        ],
        "then": object(
          SyntaxKeys.then,
          [
            "suggest": outputValues, "weight": number,
            "derive": ["anyOf": [text, texts, map(boolean)]], "alert": textOrTexts,
            "exclude": outputValues,
          ]),
        "because": text, "teach": text, "cite": texts,
        "status": ["enum": ["draft", "reviewed", "retired"]], "author": text,
        "reviewed_by": text, "reviewed_on": date, "review_due": date,
      ], required: ["id", "title", "when", "then"])
  }

  static var content: [String: JSONValue] {
    [
      "vocabulary": map(finding), "outputs": map(output), "alerts": map(alert),
      "constants": map(["anyOf": [number, boolean]]), "rules": ["type": "array", "items": rule],
    ]
  }

  static func document(_ id: String, _ title: String, _ body: JSONValue) -> JSONValue {
    guard case .object(var schema) = body else { return body }
    schema["$schema"] = dialect
    schema["$id"] = .string("https://ipt-advisor.invalid/schemas/\(id).schema.json")
    schema["title"] = .string(title)
    schema["$defs"] = ["condition": condition]
    return .object(schema)
  }

  /// `pack.yaml`.
  package static var manifest: JSONValue {
    var properties = content
    properties["pack"] = ["type": "string", "pattern": "^[a-z][a-z0-9_.-]*$"]
    properties["version"] = ["type": ["string", "number"]]
    properties["title"] = text
    properties["description"] = text
    properties["authors"] = texts
    properties["references"] = map(text)
    properties["extends"] = texts
    properties["governance"] = ["enum": ["strict", "open"]]
    properties["mode"] = ["enum": ["full", "release"]]
    return document(
      "manifest", "ipt-advisor pack manifest (pack.yaml)",
      object(
        SyntaxKeys.manifest + SyntaxKeys.packFile.filter { !SyntaxKeys.manifest.contains($0) },
        properties, required: ["pack", "version"]))
  }

  /// Any other YAML file of a pack (vocabulary, outputs, alerts, constants, rules).
  package static var packFile: JSONValue {
    document("pack-file", "ipt-advisor pack file", object(SyntaxKeys.packFile, content))
  }

  /// A file of pack tests (`tests/*.yaml`).
  package static var tests: JSONValue {
    let outputValues = map(texts)
    let expect = object(
      SyntaxKeys.expect,
      [
        "picked": outputValues, "not_picked": outputValues, "only_picked": outputValues,
        "alerts": texts, "no_alerts": texts, "fired": texts, "not_fired": texts,
        "derived": map(["anyOf": [boolean, ["enum": ["unknown"]]]]), "deferred": boolean,
        "provisional": outputValues, "settled": outputValues, "ask_first": text, "asks": texts,
        "because": map(text), "near_miss": texts, "skipped": texts,
      ])
    let test = object(
      SyntaxKeys.test,
      ["name": text, "case": text, "findings": ["type": "object"], "expect": expect],
      required: ["name", "expect"])
    return document(
      "tests", "ipt-advisor pack tests",
      object(["tests"], ["tests": ["type": "array", "items": test]], required: ["tests"]))
  }

  /// A trainee's formulation; `outputs` (name and values) makes every other key an output of
  /// that pack, else any other key is a list of values.
  package static func formulation(outputs: [(name: String, values: [String])]?) -> JSONValue {
    var properties: [String: JSONValue] = [
      "formulation": text, "by": text, "alerts": texts, "rationale": text, "source": text,
      "notes": text,
    ]
    var keys = SyntaxKeys.formulation
    for output in outputs ?? [] {
      let value: JSONValue = ["enum": .array(output.values.map { .string($0) })]
      properties[output.name] = ["anyOf": [value, ["type": "array", "items": value]]]
      keys.append(output.name)
    }
    guard case .object(var schema) = object(keys, properties, required: ["formulation"]) else {
      return [:]
    }
    if outputs == nil { schema["additionalProperties"] = textOrTexts }
    return document("formulation", "ipt-advisor trainee formulation", .object(schema))
  }
}
