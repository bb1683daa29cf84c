import Foundation
public import RuleDiagnostics

/// Diagnostics as SARIF 2.1.0, for code-scanning tools.
public enum DiagnosticSARIF {
  struct Log: Encodable {
    var version = "2.1.0"
    var schema = "https://json.schemastore.org/sarif-2.1.0.json"
    var runs: [Run]

    enum CodingKeys: String, CodingKey {
      case version
      case schema = "$schema"
      case runs
    }
  }

  struct Run: Encodable {
    var tool: Tool
    var results: [Result]
  }

  struct Tool: Encodable {
    var driver: Driver
  }

  struct Driver: Encodable {
    var name: String
    var version: String
    var rules: [RuleDescriptor]
  }

  struct RuleDescriptor: Encodable {
    var id: String
  }

  struct Message: Encodable {
    var text: String
  }

  struct Result: Encodable {
    var ruleId: String
    var level: String
    var message: Message
    var locations: [Location]
  }

  struct Location: Encodable {
    var physicalLocation: PhysicalLocation
  }

  struct PhysicalLocation: Encodable {
    var artifactLocation: ArtifactLocation
    var region: Region
  }

  struct ArtifactLocation: Encodable {
    var uri: String
  }

  struct Region: Encodable {
    var startLine: Int
    var startColumn: Int
  }

  /// A SARIF log with one run of `ipt lint`.
  public static func render(_ diagnostics: [Diagnostic], toolVersion: String) -> String {
    let results = diagnostics.map { d in
      Result(
        ruleId: d.code.rawValue,
        level: d.severity == .error ? "error" : d.severity == .warning ? "warning" : "note",
        message: Message(text: d.message + (d.hint.map { " (hint: \($0))" } ?? "")),
        locations: [
          Location(
            physicalLocation: PhysicalLocation(
              artifactLocation: ArtifactLocation(uri: d.location.file),
              region: Region(startLine: d.location.line, startColumn: d.location.column)))
        ])
    }
    let rules = Set(diagnostics.map(\.code)).sorted().map { RuleDescriptor(id: $0.rawValue) }
    let log = Log(runs: [
      Run(
        tool: Tool(driver: Driver(name: "ipt lint", version: toolVersion, rules: rules)),
        results: results)
    ])
    return JSONText.encode(log)
  }
}
