package import RuleDiagnostics

/// Every diagnostic the load stage (YAML and expression syntax, file shapes) can report.
package enum SyntaxCatalogue {
  static func yamlSyntax(_ problem: String, at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      .error, code: .yamlSyntax, "invalid YAML: \(problem)", at: location,
      hint: "check indentation, colons and quotes around this place")
  }

  static func notUTF8(_ problem: String, at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      .error, code: .notUtf8, "the file is not readable UTF-8 text: \(problem)", at: location,
      hint: "save the file as UTF-8 text, without control characters")
  }

  static func binaryFile(at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      .error, code: .binaryFile, "the file holds binary data, not YAML text", at: location,
      hint: "point at a YAML text file")
  }

  static func emptyFile(at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      .error, code: .emptyFile, "the file is empty", at: location,
      hint: "write the YAML content, or remove the file")
  }

  static func tooDeep(limit: Int, at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      .error, code: .tooDeep, "the YAML is nested more than \(limit) levels deep", at: location,
      hint: "flatten the structure; no pack or case needs this depth")
  }

  static func tooLarge(limit: Int, at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      .error, code: .tooLarge,
      "the YAML expands to more than \(limit) nodes (anchors and aliases count each time they are used)",
      at: location, hint: "write the content out without deeply repeated aliases")
  }

  static func tooManyValues(limit: Int, at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      .error, code: .tooLarge,
      "the file holds more than \(limit) values (keys, values and list items); this one passes the limit",
      at: location, hint: "no pack or case needs this many; split the content, or shorten the lists"
    )
  }

  static func duplicateKey(_ key: String, at location: SourceLocation, first: SourceLocation)
    -> Diagnostic
  {
    Diagnostic(
      .error, code: .duplicateKey, "duplicate key '\(key)' in a mapping", at: location,
      hint: "remove one of them or merge their contents",
      notes: location == first ? [] : [.init("'\(key)' first appears here", at: first)])
  }

  package static func unknownKey(
    _ key: String, in context: String, allowed: [String], at location: SourceLocation
  )
    -> Diagnostic
  {
    Diagnostic(
      .error, code: .unknownKey, "unknown key '\(key)' in \(context)", at: location,
      hint: Suggest.hint(for: key, in: allowed)
        ?? "allowed keys: \(allowed.joined(separator: ", "))")
  }

  package static func missingKey(_ key: String, in context: String, at location: SourceLocation)
    -> Diagnostic
  {
    Diagnostic(
      .error, code: .missingKey, "\(context) needs the key '\(key)'", at: location,
      hint: "add '\(key): ...'")
  }

  static func undocumentedFinding(_ name: String, missing: [String], at location: SourceLocation)
    -> Diagnostic
  {
    Diagnostic(
      .warning, code: .undocumentedFinding,
      "finding '\(name)' has no \(missing.map { "'\($0)'" }.joined(separator: " or "))",
      at: location,
      hint: "'description' says what it records; 'ask' is the question shown in 'what to ask next'")
  }

  package static func wrongShape(
    expected: String, found: String, for what: String, at location: SourceLocation
  )
    -> Diagnostic
  {
    Diagnostic(
      .error, code: .wrongShape, "\(what) must be \(expected), found \(found)", at: location,
      hint: nil)
  }

  package static func invalidValue(
    _ message: String, at location: SourceLocation, hint: String? = nil
  )
    -> Diagnostic
  {
    Diagnostic(.error, code: .invalidValue, message, at: location, hint: hint)
  }

  package static func numberOutOfBounds(
    _ text: String, what: String, limit: Double, at location: SourceLocation
  ) -> Diagnostic {
    let bound = NumberText.format(limit)
    return Diagnostic(
      .error, code: .valueOutOfRange,
      "\(what) '\(text)' is outside the bounds -\(bound) to \(bound)", at: location,
      hint: "use a number between -\(bound) and \(bound)")
  }

  static func emptyExpression(at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      .error, code: .expressionSyntax, "the condition is empty", at: location,
      hint: "write a condition such as 'phq9 >= 10'")
  }

  static func unterminatedString(at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      .error, code: .expressionSyntax, "unterminated string in the condition", at: location,
      hint: "close the string with a matching quote")
  }

  static func unexpectedCharacter(_ c: String, at location: SourceLocation, hint: String?)
    -> Diagnostic
  {
    Diagnostic(
      .error, code: .expressionSyntax, "unexpected character '\(c)' in the condition",
      at: location, hint: hint)
  }

  static func unexpectedToken(_ found: String, expecting: String, at location: SourceLocation)
    -> Diagnostic
  {
    Diagnostic(
      .error, code: .expressionSyntax, "expected \(expecting), found \(found)", at: location,
      hint: "see docs/rule-language.md for the grammar")
  }

  static func expressionTooDeep(limit: Int, at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      .error, code: .expressionSyntax, "the condition nests more than \(limit) levels deep",
      at: location, hint: "split it into several conditions or derived findings")
  }

  static func expressionTooLong(length: Int, limit: Int, at location: SourceLocation)
    -> Diagnostic
  {
    Diagnostic(
      .error, code: .expressionSyntax,
      "the condition is \(length) characters long, more than the limit of \(limit)", at: location,
      hint: "split it into several conditions (a list means all) or derived findings")
  }

  static func expressionTooManyTokens(limit: Int, at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      .error, code: .expressionSyntax,
      "the condition has more than \(limit) names, values and operators", at: location,
      hint: "split it into several conditions (a list means all) or derived findings")
  }

  package static func duplicateName(
    _ kind: String, _ name: String, at location: SourceLocation, first: SourceLocation
  )
    -> Diagnostic
  {
    Diagnostic(
      .error, code: .duplicateName, "\(kind) '\(name)' is declared more than once", at: location,
      hint: "give each \(kind) one declaration", notes: [.init("first declared here", at: first)])
  }

  package static func templateSyntax(_ message: String, at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      .error, code: .templateSyntax, message, at: location,
      hint: "placeholders look like '{name}' or '{e.field}'; an optional part is '[[ ... ]]'")
  }
}
