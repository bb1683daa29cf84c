package import RuleDiagnostics

extension Loader {
  /// Loads a trainee formulation. Keys other than the fixed ones name outputs.
  package static func loadFormulation(_ file: SourceFile) -> (FormulationSyntax?, [Diagnostic]) {
    let (root, yamlDiagnostics) = YAMLReader.read(file)
    guard let root else { return (nil, yamlDiagnostics) }
    var reader = NodeReader()
    guard root.mapping != nil else {
      // An empty or null document (`---`, `~`, `null`) is named too, never skipped in silence.
      reader.diagnostics.append(
        SyntaxCatalogue.wrongShape(
          expected: "a mapping", found: root.isNull ? "an empty document" : root.shapeName,
          for: "a formulation file",
          at: root.isNull ? SourceLocation(file: file.path, line: 1, column: 1) : root.location))
      return (nil, reader.diagnostics)
    }
    let entries = reader.entries(root, "a formulation file")
    var caseID: Located<String>?
    var by: Located<String>?
    var alerts: [Located<String>] = []
    var rationale: String?
    var source: String?
    var notes: String?
    var picks: [(output: Located<String>, values: [Located<String>])] = []
    for (name, value) in entries {
      switch name.value {
      case "formulation": caseID = reader.string(value, "'formulation'")
      case "by": by = reader.string(value, "'by'")
      case "alerts": alerts = reader.strings(value, "an alert")
      case "rationale": rationale = reader.string(value, "'rationale'")?.value
      case "source": source = reader.string(value, "'source'")?.value
      case "notes": notes = reader.string(value, "'notes'")?.value
      default: picks.append((name, reader.strings(value, "a value of '\(name.value)'")))
      }
    }
    if caseID == nil {
      reader.diagnostics.append(
        SyntaxCatalogue.missingKey("formulation", in: "a formulation file", at: root.location))
    }
    if by == nil {
      reader.diagnostics.append(
        SyntaxCatalogue.missingKey("by", in: "a formulation file", at: root.location))
    }
    guard let caseID, let by else { return (nil, reader.diagnostics) }
    return (
      FormulationSyntax(
        caseID: caseID, by: by, picks: picks, alerts: alerts, rationale: rationale, source: source,
        notes: notes, file: file),
      reader.diagnostics
    )
  }
}
