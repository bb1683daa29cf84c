import Advisor
import Foundation
import RuleCompiler
import RuleDiagnostics
import RuleEngine
import TestSupport
import Testing

/// A case file streams straight into its facts (`CaseStream`); whatever it gives, and whatever
/// the diagnostics of a file it hands back to the node tree, are exactly what the tree gives.
@Suite("Case stream")
struct CaseStreamTests {
  /// Compiles `file` both ways and compares the results: the same facts (values and origins,
  /// with record items and fields) and the same diagnostics. Returns whether the stream read the
  /// file itself (rather than handing it to the tree).
  @discardableResult
  static func compare(_ file: SourceFile, _ compiler: CaseCompiler) -> Bool {
    let streamed = compiler.compile(file: file, sha256: "hash")
    let tree = compiler.compileThroughTree(file: file, sha256: "hash")
    #expect(streamed.diagnostics == tree.diagnostics, "\(file.path)")
    #expect(streamed.value?.caseID == tree.value?.caseID, "\(file.path)")
    #expect(streamed.value?.file == tree.value?.file, "\(file.path)")
    #expect(streamed.value?.sha256 == tree.value?.sha256, "\(file.path)")
    #expect(streamed.value?.values == tree.value?.values, "\(file.path)")
    #expect(streamed.value?.origins == tree.value?.origins, "\(file.path)")
    let direct = compiler.stream?.facts(file, sha256: "hash") != nil
    if direct { #expect(tree.diagnostics.isEmpty, "\(file.path): streamed a file with problems") }
    return direct
  }

  /// The `.yaml` files under a folder of the repository, sorted.
  static func yamlFiles(in folder: String) -> [String] {
    guard TestSupport.atRoot,
      let names = FileManager.default.enumerator(atPath: TestSupport.path(folder))
    else { return [] }
    return names.compactMap { $0 as? String }.filter { $0.hasSuffix(".yaml") }.sorted().map {
      "\(folder)/\($0)"
    }
  }

  @Test(
    "every case of the repository streams to the facts and diagnostics the tree gives",
    arguments: ["rules/ipt-core/cases", "validation/cases"])
  func repositoryCases(folder: String) throws {
    let compiler = CaseCompiler(program: try TestSupport.corePack())
    let files = Self.yamlFiles(in: folder)
    var direct = 0
    for path in files where Self.compare(try TestSupport.read(path), compiler) { direct += 1 }
    // The repository's cases are regular: the stream reads them without the tree.
    #expect(direct == files.count, "\(direct) of \(files.count)")
  }

  @Test(
    "the shared benchmark workload streams to the facts the tree gives, when it is generated",
    arguments: [50, 200, 1000])
  func benchmarkWorkload(rules: Int) throws {
    let folder = ".build-bench-data/B"
    guard TestSupport.atRoot,
      FileManager.default.fileExists(atPath: TestSupport.path("\(folder)/pack-\(rules)"))
    else { return }
    let load = try TestSupport.loadPack("\(folder)/pack-\(rules)")
    let program = try #require(load.advisor?.program)
    let compiler = CaseCompiler(program: program)
    let files = Self.yamlFiles(in: rules == 50 ? "\(folder)/cases-1000" : "\(folder)/cases-100")
    var direct = 0
    for path in files where Self.compare(try TestSupport.read(path), compiler) { direct += 1 }
    #expect(direct == files.count)
  }

  /// Regular files the stream reads itself.
  static let regular: [String] = [
    "case: c\n",
    "case: c\nfindings:\n",
    "case: c\nfindings: ~\ncourse: null\n",
    "case: c\nfindings: {}\n",
    "# a comment\ncase: c # the id\nfindings:\n  # nothing yet\n  age: 30 # years\n",
    "---\ncase: c\nfindings:\n  age: 30\n...\n",
    "case: 42\nfindings:\n  age: 030\n",
    "case: ''\n",
    "\"case\": c\n'findings':\n  \"age\": 30\n",
    "case: c\ndate: 2026-03-02\nassessor: a\nsource: s\nnotes: |\n  some\n  notes\n",
    "case: c\ndate: 2026-03\n",
    "case: c\ndate: 2026\n",
    "case: c\ndate: ~\nassessor:\nsource: null\nnotes: NULL\n",
    "case: c\ndate: 2024-02-29\n",
    "case: c\ndate: 2026-03-02-\n",
    "case: c\nfindings:\n  age: ~\n  phq9: null\n  suicidality: Null\n  living_alone: NULL\n",
    "case: c\nfindings:\n  age: \n",
    "case: c\nfindings:\n  living_alone: true\n",
    "case: c\nfindings:\n  living_alone: False\n",
    "case: c\nfindings:\n  living_alone: TRUE\n",
    "case: c\nfindings:\n  age: -0\n",
    "case: c\nfindings:\n  age: 1_0\n",
    "case: c\nfindings:\n  age: +12\n",
    "case: c\nfindings:\n  age: 12.0\n",
    "case: c\nfindings:\n  age: 1e1\n",
    "case: c\nfindings:\n  life_events: [{kind: move, months_ago: 0.1}, {months_ago: 2.775}]\n",
    "case: c\nfindings:\n  life_events: [{kind: move, months_ago: .5}, {months_ago: 5.}]\n",
    "case: c\nfindings:\n  life_events: [{months_ago: 123.456789012345}, {months_ago: -0.0}]\n",
    "case: c\nfindings:\n  age: {between: [25, 34]}\n  phq9: {at_least: 10}\n",
    "case: c\nfindings:\n  age: {at_most: 40}\n  phq9: {between: [12, 12]}\n",
    "case: c\nfindings:\n  age:\n    between:\n      - 25\n      - 34\n",
    "case: c\nfindings:\n  suicidality: passive\n  partner_name: 'Ann'\n",
    "case: c\nfindings:\n  suicidality: \"plan\"\n  partner_name: >-\n    Ann\n    Lee\n",
    "case: c\nfindings:\n  partner_name: ''\n  onset_date: 2026-01\n",
    "case: c\nfindings:\n  partner_name: \"null\"\n  onset_date: '2025'\n",
    "case: c\nfindings:\n  diagnoses: [major_depression, dysthymia, major_depression]\n",
    "case: c\nfindings:\n  diagnoses: []\n",
    "case: c\nfindings:\n  diagnoses: dysthymia\n",
    "case: c\nfindings:\n  diagnoses:\n    - dysthymia\n",
    "case: c\nfindings:\n  life_events: []\n",
    "case: c\nfindings:\n  life_events:\n    - kind: death\n      months_ago: 14\n    - {kind: move}\n",
    "case: c\nfindings:\n  life_events:\n  - kind: ~\n    months_ago: null\n  - {}\n",
    "case: c\nfindings:\n  life_events:\n  - months_ago: {between: [1, 3]}\n",
    "case: c\ncourse:\n  sessions:\n    - {number: 1, phq9: 18}\n    - {number: 2, phq9: ~}\n",
    "case: c\ncourse:\n  sessions:\n    - {number: ~}\n    - {number: 1}\n    - {phq9: 3}\n",
    "course:\n  sessions: []\nfindings:\n  age: 30\ncase: c\n",
    "case: c\nfindings: {age: 30, living_alone: false, diagnoses: [dysthymia]}\n",
    "case: &id c\nfindings:\n  age: !!int 30\n",
    "case: c\r\nfindings:\r\n  age: 30\r\n  partner_name: Zoë\r\n",
  ]

  /// Files the stream hands to the tree, which reports the problem (or, for the odd one, reads
  /// it without any).
  static let irregular: [String] = [
    "",
    "   \n",
    "# only a comment\n",
    // libyaml, told the text is UTF-8, does not skip a byte order mark (files and request bodies
    // drop it where they are decoded, `Workspace.decode`).
    "\u{FEFF}case: c\nfindings:\n  age: 30\n",
    "case: c\0\n",
    "case: c\n---\ncase: d\n",
    "- case: c\n",
    "case: [c]\n",
    "case: ~\nfindings:\n  age: 30\n",
    "findings:\n  age: 30\n",
    "case: c\ncase: d\n",
    "case: c\nfinding:\n  age: 30\n",
    "case: c\nfindings: []\n",
    "case: c\nfindings: ''\n",
    "case: c\ndate: 2026-13\n",
    "case: c\ndate: 2026-02-29\n",
    "case: c\ndate: [2026]\n",
    "case: c\nnotes: {a: b}\n",
    "case: c\nfindings:\n  age: 30\n  age: 31\n",
    "case: c\nfindings:\n  age: 30\ncourse:\n  age: 31\n",
    "case: c\nfindings:\n  sessions: []\n",
    "case: c\ncourse:\n  age: 30\n",
    "case: c\nfindings:\n  phq_9: 12\n",
    "case: c\nfindings:\n  complicated_grief: true\n",
    "case: c\nfindings:\n  ~: 12\n",
    "case: c\nfindings:\n  [a]: 12\n",
    "case: c\nfindings:\n  age: 130\n",
    "case: c\nfindings:\n  age: 30.5\n",
    "case: c\nfindings:\n  age: '30'\n",
    "case: c\nfindings:\n  age: 1e13\n",
    "case: c\nfindings:\n  age: .nan\n",
    "case: c\nfindings:\n  age: thirty\n",
    "case: c\nfindings:\n  age: [30]\n",
    "case: c\nfindings:\n  age: {between: [34, 25]}\n",
    "case: c\nfindings:\n  age: {between: [25]}\n",
    "case: c\nfindings:\n  age: {between: [25, 30, 34]}\n",
    "case: c\nfindings:\n  age: {at_least: 10, at_most: 20}\n",
    "case: c\nfindings:\n  age: {atleast: 10}\n",
    "case: c\nfindings:\n  age: {}\n",
    "case: c\nfindings:\n  age: {at_least: ~}\n",
    "case: c\nfindings:\n  living_alone: yes\n",
    "case: c\nfindings:\n  living_alone: 'true'\n",
    "case: c\nfindings:\n  suicidality: unclear\n",
    "case: c\nfindings:\n  suicidality: [none]\n",
    "case: c\nfindings:\n  diagnoses: [dysthymia, ~]\n",
    "case: c\nfindings:\n  diagnoses: [dysthymia, major_depresion]\n",
    "case: c\nfindings:\n  diagnoses: {a: b}\n",
    "case: c\nfindings:\n  partner_name: [Ann]\n",
    "case: c\nfindings:\n  onset_date: 2026-02-30\n",
    "case: c\nfindings:\n  onset_date: '+2026'\n",
    "case: c\nfindings:\n  life_events: {kind: death}\n",
    "case: c\nfindings:\n  life_events: [death]\n",
    "case: c\nfindings:\n  life_events:\n    - kind: deaht\n",
    "case: c\nfindings:\n  life_events:\n    - kindd: death\n",
    "case: c\nfindings:\n  life_events:\n    - {kind: death, kind: move}\n",
    "case: c\nfindings:\n  life_events:\n    - ~\n",
    "case: c\ncourse:\n  sessions:\n    - {number: 2}\n    - {number: 1}\n",
    "case: c\ncourse:\n  sessions:\n    - {number: 2}\n    - {number: ~}\n    - {number: 2}\n",
    "case: c\nfindings:\n  age: &a 30\n  phq9: *a\n",
    "case: c\nfindings:\n  age: *a\n",
    "case: c\nfindings:\n  age: 30\n   phq9: 3\n",
    "case: c\nfindings:\n\tage: 30\n",
    "case: 'c\n",
    "case: c\nfindings:\n  age: 30\n" + String(repeating: " ", count: 300) + "# deep\n",
    "case: c\nnotes: \"" + String(repeating: "[", count: 200) + "\"\n",
  ]

  @Test("regular files stream, to the facts the tree gives", arguments: regular)
  func regularFile(text: String) throws {
    let compiler = CaseCompiler(program: try DemoPack.program.get().program)
    let direct = Self.compare(SourceFile(path: "case.yaml", text: text), compiler)
    #expect(direct, "the stream handed a regular file to the tree")
  }

  @Test("irregular files go to the tree, with the same diagnostics as before", arguments: irregular)
  func irregularFile(text: String) throws {
    let compiler = CaseCompiler(program: try DemoPack.program.get().program)
    let file = SourceFile(path: "case.yaml", text: text)
    Self.compare(file, compiler)
    #expect(compiler.stream?.facts(file, sha256: "") == nil, "the stream read an irregular file")
  }

  @Test("a list of records at the list limit streams; one more item goes to the tree")
  func listLimit() throws {
    let compiler = CaseCompiler(program: try DemoPack.program.get().program)
    for count in [CaseCompiler.listLimit, CaseCompiler.listLimit + 1] {
      let items = String(repeating: "    - {kind: move}\n", count: count)
      let file = SourceFile(
        path: "case.yaml", text: "case: c\nfindings:\n  life_events:\n\(items)")
      let direct = Self.compare(file, compiler)
      #expect(direct == (count == CaseCompiler.listLimit))
    }
  }

  @Test("a file over the node budget goes to the tree, which reports it")
  func nodeBudget() throws {
    let compiler = CaseCompiler(program: try DemoPack.program.get().program)
    let items = String(repeating: "dysthymia, ", count: 200_000)
    let file = SourceFile(
      path: "case.yaml", text: "case: c\nfindings:\n  diagnoses: [\(items)]\n")
    let direct = Self.compare(file, compiler)
    #expect(!direct)
  }
}
