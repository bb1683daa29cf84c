package import RuleDiagnostics

extension Loader {
  /// Loads a case file.
  package static func loadCase(_ file: SourceFile) -> (CaseSyntax?, [Diagnostic]) {
    let (root, yamlDiagnostics) = YAMLReader.read(file)
    guard let root else { return (nil, yamlDiagnostics) }
    var reader = NodeReader()
    guard
      let map = reader.mapping(
        root, "a case file",
        allowed: SyntaxKeys.caseFile,
        required: ["case"])
    else { return (nil, reader.diagnostics) }
    let id = reader.string(map["case"], "'case'")
    var findings: [(name: Located<String>, value: DataNode)] = []
    if let node = map["findings"] {
      findings = reader.entries(node, "'findings'").map { ($0.name, NodeReader.data($0.value)) }
    }
    var course: [(name: Located<String>, value: DataNode)] = []
    if let node = map["course"] {
      course = reader.entries(node, "'course'").map { ($0.name, NodeReader.data($0.value)) }
    }
    let courseLocation = map["course"]?.location
    let result = id.map {
      CaseSyntax(
        id: $0, date: reader.string(map["date"], "'date'"),
        assessor: reader.string(map["assessor"], "'assessor'")?.value,
        source: reader.string(map["source"], "'source'")?.value, findings: findings,
        notes: reader.string(map["notes"], "'notes'")?.value, file: file)
    }.map { syntax -> CaseSyntax in
      var syntax = syntax
      syntax.course = course
      syntax.courseLocation = courseLocation
      return syntax
    }
    return (result, reader.diagnostics)
  }
}
