import Foundation
public import RuleDiagnostics

/// Diagnostics as JSON, for machines.
public enum DiagnosticJSON {
  struct Entry: Encodable {
    var severity: String
    var code: String
    var message: String
    var file: String
    var line: Int
    var column: Int
    var hint: String?
    var notes: [Diagnostic.Note]
  }

  /// A JSON document `{"diagnostics": [...]}`, indented (`pretty`) or on one line.
  public static func render(_ diagnostics: [Diagnostic], pretty: Bool = true) -> String {
    let entries = diagnostics.map {
      Entry(
        severity: $0.severity.rawValue, code: $0.code.rawValue, message: $0.message,
        file: $0.location.file,
        line: $0.location.line, column: $0.location.column, hint: $0.hint, notes: $0.notes)
    }
    return JSONText.encode(["diagnostics": entries], pretty: pretty)
  }
}
