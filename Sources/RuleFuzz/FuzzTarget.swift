import RuleCompiler
package import RuleDiagnostics
package import RuleEngine
import RuleSyntax

/// The four fuzz targets (docs/reliability.md): each takes arbitrary bytes, runs one stage of the
/// pipeline on them and checks the promise every stage makes: an input is accepted with no error,
/// or rejected with at least one located error; never rejected in silence, never accepted with an
/// error, and never a diagnostic that points outside the input. Accepted cases and packs are also
/// evaluated and explained, so that the engine runs on every input the checks let through.
package enum FuzzTarget: String, CaseIterable, Sendable {
  /// `YAMLReader.read`: YAML text to located nodes.
  case yaml
  /// `ExpressionParser.parse`: one condition string.
  case expression
  /// The case checker (`CaseCompiler`) against the default pack, then evaluation and explanation.
  case caseFile = "case"
  /// The pack loader and compiler: `pack.yaml` and the files after lines `#== NAME.yaml`.
  case pack

  /// Runs one input. A broken promise is thrown; anything else is the input's verdict.
  package func run(_ bytes: [UInt8], casePack: Program?) throws(FuzzFailure) -> FuzzVerdict {
    // Bytes that are not UTF-8 never reach these stages (the workspace rejects them, located).
    guard let text = String(validating: bytes, as: UTF8.self) else { return .rejected }
    switch self {
    case .yaml:
      let file = SourceFile(path: "input.yaml", text: text)
      let (node, diagnostics) = YAMLReader.read(file)
      return try Self.verdict(accepted: node != nil, diagnostics, files: [file])
    case .expression:
      let length = text.unicodeScalars.count
      let (expression, diagnostics) = ExpressionParser.parse(text) {
        SourceLocation(file: "condition", line: 1, column: $0 + 1)
      }
      for diagnostic in diagnostics where diagnostic.location.column > length + 1 {
        throw FuzzFailure("\(diagnostic.code) at column \(diagnostic.location.column) of \(length)")
      }
      if let expression, expression.span.upperBound > length || expression.span.lowerBound < 0 {
        throw FuzzFailure("expression span \(expression.span) outside \(length) characters")
      }
      return try Self.verdict(accepted: expression != nil, diagnostics, files: [])
    case .caseFile:
      guard let casePack else { throw FuzzFailure("the case target needs the default pack") }
      let file = SourceFile(path: "case.yaml", text: text)
      let facts = CaseCompiler(program: casePack).compile(file: file, sha256: "")
      if let value = facts.value {
        _ = casePack.explain(value, casePack.evaluate(value))
      }
      return try Self.verdict(accepted: facts.value != nil, facts.diagnostics, files: [file])
    case .pack:
      let files = Self.packFiles(text)
      let (syntax, loadDiagnostics) = Loader.loadPack(directory: "fuzz", files: files)
      let compiled = Compiler.compile(syntax, sha256: "")
      let diagnostics = loadDiagnostics + compiled.diagnostics
      let program = diagnostics.hasErrors ? nil : compiled.value
      if let program {
        let empty = SourceFile(path: "fuzz/empty-case.yaml", text: "case: empty\n")
        let facts = CaseCompiler(program: program).compile(
          findings: [], caseID: "empty", file: empty, sha256: "")
        if let value = facts.value { _ = program.explain(value, program.evaluate(value)) }
      }
      return try Self.verdict(accepted: program != nil, diagnostics, files: files)
    }
  }

  /// A pack written as one text: `pack.yaml` first, then each file after a line `#== NAME`. A
  /// name given twice gets a number, as two files of one folder cannot share a path.
  package static func packFiles(_ text: String) -> [SourceFile] {
    var files: [SourceFile] = []
    var taken: Set<String> = []
    var name = "pack.yaml"
    var lines: [Substring] = []
    func flush() {
      var path = "fuzz/\(name)"
      var number = 1
      while taken.contains(path) {
        number += 1
        path = "fuzz/\(number)-\(name)"
      }
      taken.insert(path)
      files.append(SourceFile(path: path, text: lines.joined(separator: "\n")))
    }
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix("#== ") {
        flush()
        name = String(line.dropFirst(4))
        lines = []
      } else {
        lines.append(line)
      }
    }
    flush()
    return files
  }

  /// The promise of every stage, checked.
  package static func verdict(accepted: Bool, _ diagnostics: [Diagnostic], files: [SourceFile])
    throws(FuzzFailure) -> FuzzVerdict
  {
    let errors = diagnostics.filter { $0.severity == .error }
    if !accepted && errors.isEmpty {
      throw FuzzFailure("silent failure: rejected with no error (\(diagnostics.count) others)")
    }
    if accepted && !errors.isEmpty {
      throw FuzzFailure(
        "silent success: accepted with \(errors.count) errors: \(errors[0].message)")
    }
    let lines = Dictionary(
      files.map { ($0.path, $0.lineStarts.count) }, uniquingKeysWith: { a, _ in a })
    for diagnostic in diagnostics {
      let location = diagnostic.location
      if location.line < 1 || location.column < 1 || diagnostic.message.isEmpty {
        throw FuzzFailure("\(diagnostic.code) '\(diagnostic.message)' at \(location)")
      }
      if let count = lines[location.file], location.line > count + 1 {
        throw FuzzFailure("\(diagnostic.code) at line \(location.line) of \(count): \(location)")
      }
    }
    // Printing the diagnostics must work too (clipped lines, carets, notes).
    let sources = Dictionary(files.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
    _ = DiagnosticFormatter().format(diagnostics, sources: sources)
    return accepted ? .accepted : .rejected
  }

  /// Compiles the pack that the case target checks cases against.
  package static func program(directory: String, files: [SourceFile]) -> Diagnosed<Program> {
    let (syntax, diagnostics) = Loader.loadPack(directory: directory, files: files)
    let compiled = Compiler.compile(syntax, sha256: "")
    return Diagnosed(compiled.value, diagnostics + compiled.diagnostics)
  }
}

/// What became of one input.
package enum FuzzVerdict: Sendable, Equatable {
  /// Loaded without error.
  case accepted
  /// Refused with at least one located error.
  case rejected
}

/// A promise broken by one input: found by fuzzing, it is a bug.
package struct FuzzFailure: Error, CustomStringConvertible, Sendable {
  /// What went wrong.
  package var description: String

  /// Creates a failure.
  package init(_ description: String) { self.description = description }
}
