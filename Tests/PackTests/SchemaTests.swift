import Advisor
import Foundation
import RuleWorkspace
import TestSupport
import Testing

/// `ipt schema`: the committed schemas are the generated ones, an independent validator
/// (check-jsonschema, from PyPI) accepts every shipped file with them, and rejects bad ones.
@Suite("JSON schemas")
struct SchemaTests {
  /// Runs check-jsonschema; its exit status and output. A missing validator fails the test.
  static func validate(_ schema: String, _ files: [String]) throws -> (Int32, String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["check-jsonschema", "--schemafile", schema] + files
    process.currentDirectoryURL = URL(fileURLWithPath: TestSupport.root)
    let out = Pipe()
    process.standardOutput = out
    process.standardError = out
    try process.run()
    let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    if process.terminationStatus == 127 {
      Issue.record("check-jsonschema is not installed: pip install check-jsonschema")
    }
    return (process.terminationStatus, text)
  }

  static func yaml(_ folder: String) throws -> [String] {
    try Workspace.yamlFiles(in: folder)
  }

  @Test("the schemas in schemas/ are the ones ipt schema generates")
  func committedSchemasAreCurrent() throws {
    let core = try TestSupport.core()
    for kind in SchemaKind.allCases {
      let path = TestSupport.path("schemas/\(kind.rawValue).schema.json")
      let committed = try String(contentsOfFile: path, encoding: .utf8)
      #expect(committed == core.schema(kind), "regenerate with: swift run ipt schema --out schemas")
    }
  }

  @Test("every shipped pack file, test file, case and formulation validates")
  func shippedFilesValidate() throws {
    _ = try TestSupport.core()
    let packFiles =
      try Self.yaml("rules/ipt-core").filter {
        !$0.hasSuffix("/pack.yaml") && !$0.contains("/tests/") && !$0.contains("/cases/")
      }
    for (schema, files) in [
      ("schemas/manifest.schema.json", ["rules/ipt-core/pack.yaml"]),
      ("schemas/pack-file.schema.json", packFiles),
      ("schemas/tests.schema.json", try Self.yaml("rules/ipt-core/tests")),
      (
        "schemas/case.schema.json",
        try Self.yaml("rules/ipt-core/cases") + Self.yaml("validation/cases")
      ),
      (
        "schemas/formulation.schema.json",
        try Self.yaml("formulations") + Self.yaml("validation/formulations")
      ),
    ] {
      let (status, output) = try Self.validate(schema, files)
      #expect(status == 0, "\(schema): \(output)")
    }
  }

  @Test("the case schema rejects an unknown finding, a wrong enum value and an out-of-range number")
  func badCasesAreRejected() throws {
    let scratch = try Scratch("schema-bad")
    let bad = [
      "unknown.yaml": "case: a\nfindings:\n  phq_9: 12\n",
      "enum.yaml": "case: b\nfindings:\n  suicidality: sometimes\n",
      "range.yaml": "case: c\nfindings:\n  phq9: 40\n",
      "key.yaml": "case: d\nfinding:\n  phq9: 12\n",
    ]
    for (name, text) in bad.sorted(by: { $0.key < $1.key }) {
      let path = try scratch.write(name, text)
      let (status, output) = try Self.validate("schemas/case.schema.json", [path])
      #expect(status == 1, "\(name) should be rejected: \(output)")
    }
    let good = try scratch.write(
      "good.yaml", "case: e\nfindings:\n  phq9: 12\n  age: {between: [30, 39]}\n")
    #expect(try Self.validate("schemas/case.schema.json", [good]).0 == 0)
  }

  @Test("the pack-file schema rejects an unknown rule key and a bad status")
  func badPackFilesAreRejected() throws {
    let scratch = try Scratch("schema-rules")
    let path = try scratch.write(
      "rules.yaml",
      "rules:\n  - {id: a, title: A, when: x, then: {suggest: {focus: grief}}, becuase: oops}\n")
    #expect(try Self.validate("schemas/pack-file.schema.json", [path]).0 == 1)
    let status = try scratch.write(
      "status.yaml", "rules:\n  - {id: a, title: A, when: x, then: {alert: y}, status: done}\n")
    #expect(try Self.validate("schemas/pack-file.schema.json", [status]).0 == 1)
  }

  @Test("the case schema carries the vocabulary: questions, units and enum labels")
  func caseSchemaContent() throws {
    let text = try TestSupport.core().schema(.case)
    #expect(text.contains("How old is the patient?"))
    #expect(text.contains("\"maximum\" : 120"))
    #expect(text.contains("\"const\" : \"plan\""))
  }
}
