package import RuleDiagnostics

extension Loader {
  /// Loads a pack test file (`tests: [...]`).
  package static func loadTests(_ file: SourceFile) -> ([TestSyntax], [Diagnostic]) {
    let (root, yamlDiagnostics) = YAMLReader.read(file)
    guard let root else { return ([], yamlDiagnostics) }
    var reader = NodeReader()
    guard let map = reader.mapping(root, "a test file", allowed: ["tests"], required: ["tests"])
    else { return ([], reader.diagnostics) }
    var tests: [TestSyntax] = []
    for node in reader.list(map["tests"], "'tests'") {
      if let test = loadTest(node, file: file, reader: &reader) { tests.append(test) }
    }
    return (tests, reader.diagnostics)
  }

  private static func loadTest(_ node: YNode, file: SourceFile, reader: inout NodeReader)
    -> TestSyntax?
  {
    guard
      let map = reader.mapping(
        node, "a test", allowed: SyntaxKeys.test,
        required: ["name", "expect"])
    else { return nil }
    guard let name = reader.string(map["name"], "'name'") else { return nil }
    let casePath = reader.string(map["case"], "'case'")
    var findings: [(name: Located<String>, value: DataNode)]?
    if let node = map["findings"] {
      findings = reader.entries(node, "'findings'").map { ($0.name, NodeReader.data($0.value)) }
    }
    if (casePath == nil) == (findings == nil) {
      reader.diagnostics.append(
        SyntaxCatalogue.invalidValue(
          "test '\(name.value)' needs exactly one of 'case' and 'findings'", at: node.location,
          hint: "name a case file, or give the findings inline"))
    }
    var test = TestSyntax(
      name: name, casePath: casePath, findings: findings, picked: [], notPicked: [],
      onlyPicked: [], alerts: [], noAlerts: [], fired: [], notFired: [], derived: [], deferred: nil,
      location: node.location, file: file)
    guard let expectNode = map["expect"],
      let expect = reader.mapping(
        expectNode, "'expect'",
        allowed: SyntaxKeys.expect)
    else { return test }
    func refs(_ key: String) -> [(output: Located<String>, values: [Located<String>])] {
      guard let node = expect[key] else { return [] }
      return reader.entries(node, "'\(key)'").map { ($0.name, reader.strings($0.value, "a value")) }
    }
    test.picked = refs("picked").flatMap { p in
      p.values.map { OutputReference(output: p.output, value: $0) }
    }
    test.notPicked = refs("not_picked").flatMap { p in
      p.values.map { OutputReference(output: p.output, value: $0) }
    }
    test.onlyPicked = refs("only_picked")
    test.alerts = reader.strings(expect["alerts"], "an alert")
    test.noAlerts = reader.strings(expect["no_alerts"], "an alert")
    test.fired = reader.strings(expect["fired"], "a rule id")
    test.notFired = reader.strings(expect["not_fired"], "a rule id")
    test.deferred = reader.boolean(expect["deferred"], "'deferred'")
    test.provisional = refs("provisional").flatMap { p in
      p.values.map { OutputReference(output: p.output, value: $0) }
    }
    test.settled = refs("settled").flatMap { p in
      p.values.map { OutputReference(output: p.output, value: $0) }
    }
    test.askFirst = expect["ask_first"].flatMap { reader.string($0, "a finding") }
    test.asks = reader.strings(expect["asks"], "a finding")
    test.nearMiss = reader.strings(expect["near_miss"], "a rule id")
    test.skipped = reader.strings(expect["skipped"], "a rule id")
    if let node = expect["because"] {
      test.because = reader.entries(node, "'because'").compactMap { entry in
        reader.string(entry.value, "the text a because must contain").map { (entry.name, $0) }
      }
    }
    if let node = expect["derived"] {
      test.derived = reader.entries(node, "'derived'").compactMap { entry in
        reader.string(entry.value, "a truth value").map { (entry.name, $0) }
      }
    }
    return test
  }
}
