import Foundation
import RuleDiagnostics
import RuleWorkspace

/// Turning request bodies into the source files the front door reads. A request never names a
/// file: its text is given a fixed pseudo-path (`<request>`, `<case>`, `<formulation>`) that
/// diagnostics quote.
enum RequestInput {
  /// The pseudo-path of a case sent as a whole request body.
  static let requestPath = "<request>"
  /// The pseudo-path of the case of a check.
  static let casePath = "<case>"
  /// The pseudo-path of the formulation of a check.
  static let formulationPath = "<formulation>"

  /// The body as a source file, or the diagnostic that says why it is not UTF-8 text.
  static func source(_ bytes: [UInt8], path: String) -> Result<SourceFile, Rejected<Diagnostic>> {
    do throws(ReadError) {
      return .success(try Workspace.decode(bytes, path: path))
    } catch {
      return .failure(Rejected(error.diagnostic))
    }
  }

  /// A problem with the shape of a request (not with the case it carries), at its start.
  static func problem(
    _ code: DiagnosticCode, _ message: String, path: String = requestPath, hint: String? = nil
  ) -> Diagnostic {
    Diagnostic(
      .error, code: code, message, at: SourceLocation(file: path, line: 1, column: 1), hint: hint)
  }

  /// The diagnostic of a body over the size limit.
  static func tooLarge(limit: Int) -> Diagnostic {
    problem(
      .tooLarge, "the request body is larger than \(Workspace.sizeText(limit))",
      hint: "send a smaller case; the limit is set with 'ipt serve --max-body-size'")
  }

  /// Reads a JSON object from a body, or says why it is not one.
  static func object(_ bytes: [UInt8], path: String = requestPath) -> Result<
    JSONValue, Rejected<Diagnostic>
  > {
    guard let value = try? JSONDecoder().decode(JSONValue.self, from: Data(bytes)) else {
      return .failure(
        Rejected(problem(.yamlSyntax, "the request body is not valid JSON", path: path)))
    }
    guard value.isObject else {
      return .failure(
        Rejected(problem(.wrongShape, "the request body must be a JSON object", path: path)))
    }
    return .success(value)
  }

  /// A member holding a case or formulation: its text as given (a string of YAML or JSON), or an
  /// object written out as JSON.
  static func document(_ value: JSONValue?, key: String, path: String) -> Result<
    SourceFile, Rejected<Diagnostic>
  > {
    switch value {
    case .string(let text)?:
      return .success(SourceFile(path: path, text: text))
    case .object?:
      return .success(SourceFile(path: path, text: encoded(value ?? .null)))
    case nil:
      return .failure(Rejected(problem(.missingKey, "the request has no '\(key)'")))
    default:
      return .failure(
        Rejected(
          problem(.wrongShape, "'\(key)' must be the file's text (a string) or a JSON object")))
    }
  }

  /// Compact JSON with sorted keys.
  static func encoded(_ value: JSONValue) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(value) else { return "{}" }
    return String(decoding: data, as: UTF8.self)
  }
}
