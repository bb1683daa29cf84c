import Advisor
import RuleDiagnostics
import RuleEngine
import RuleRender
import RuleTester
import RuleWorkspace
import TestSupport
import Testing

/// The shipped default pack: it lints clean, its own tests pass, every rule and every output value
/// is exercised, and the generated catalogue and the bundled copy are current.
@Suite("rules/ipt-core")
struct CorePackTests {
  static func casePaths() throws -> [String] {
    try Workspace.yamlFiles(in: TestSupport.path("rules/ipt-core/cases"))
  }

  @Test("the default pack lints with no errors and no warnings")
  func lintsClean() throws {
    let pack = try TestSupport.loadPack("rules/ipt-core")
    #expect(
      pack.diagnostics.isEmpty,
      "\(pack.diagnostics.map { "\($0.location): [\($0.code)] \($0.message)" })")
    #expect(pack.advisor != nil)
  }

  @Test("every pack test passes (ipt test rules/ipt-core)")
  func packTestsPass() throws {
    let run = try TestSupport.core().runTests()
    #expect(run.diagnostics.isEmpty, "\(run.diagnostics.map { "\($0.location): \($0.message)" })")
    #expect(run.outcomes.count >= 40)
    for outcome in run.outcomes where !outcome.passed {
      Issue.record(
        "\(outcome.name): \(outcome.failures.map { "expected \($0.expected), got \($0.actual)" })")
    }
  }

  @Test("every rule fires in at least one pack test")
  func everyRuleIsExercised() throws {
    let advisor = try TestSupport.core()
    let program = advisor.program
    let run = advisor.runTests()
    let never = program.rules.indices.filter { run.firedCounts[$0] == 0 }.map {
      program.rules[$0].id
    }
    #expect(never.isEmpty, "rules no test fires: \(never)")
  }

  @Test("every output value and every alert is reached by at least one sample case")
  func everyValueIsReachable() throws {
    let advisor = try TestSupport.core()
    let program = advisor.program
    var picked = Set<String>()
    var alerts = Set<String>()
    for path in try Self.casePaths() {
      let relative = String(path.dropFirst(TestSupport.root.count + 1))
      let facts = try TestSupport.loadCase(relative, advisor: advisor)
      let evaluation = program.evaluate(facts)
      for (o, result) in evaluation.outputs.enumerated() {
        for v in result.picked {
          picked.insert("\(program.outputs[o].name): \(program.outputs[o].values[v].name)")
        }
      }
      for alert in evaluation.alerts { alerts.insert(program.alerts[alert.alert].name) }
    }
    let allValues = program.outputs.flatMap { o in o.values.map { "\(o.name): \($0.name)" } }
    #expect(Set(allValues).subtracting(picked).sorted() == [])
    #expect(Set(program.alerts.map(\.name)).subtracting(alerts).sorted() == [])
  }

  @Test("every sample case is valid against the pack")
  func samplesAreValid() throws {
    let advisor = try TestSupport.core()
    let paths = try Self.casePaths()
    #expect(paths.count >= 15)
    for path in paths {
      let facts = advisor.facts(try Workspace.read(path))
      #expect(
        facts.value != nil && facts.diagnostics.isEmpty,
        "\(path): \(facts.diagnostics.map(\.message))")
    }
  }

  @Test("every finding has a description and an ask; every rule has because, cite and teach")
  func packIsDocumented() throws {
    let program = try TestSupport.corePack()
    for finding in program.findings {
      #expect(!finding.description.isEmpty, "\(finding.name) has no description")
      if !finding.derived { #expect(finding.ask != nil, "\(finding.name) has no ask") }
    }
    for rule in program.rules {
      #expect(rule.because != nil && !rule.cite.isEmpty, "\(rule.id) lacks because or cite")
      #expect(rule.teach != nil, "\(rule.id) has no teach line")
      #expect([.draft, .reviewed].contains(rule.status), "\(rule.id) has status \(rule.status)")
    }
  }

  @Test("draft rules say why they are draft")
  func draftRulesSaySo() throws {
    let program = try TestSupport.corePack()
    for rule in program.rules where rule.status == .draft {
      let text = ((rule.because?.source ?? "") + " " + (rule.teach?.source ?? "")).lowercased()
      #expect(text.contains("draft"), "\(rule.id) is draft but its because/teach does not say so")
    }
  }

  @Test("docs/ipt-core.md is what 'ipt doc' writes now")
  func catalogueIsCurrent() throws {
    let program = try TestSupport.corePack()
    let expected = MarkdownRenderer().render(PackCatalogue(program: program).document())
    let actual = try Workspace.read(TestSupport.path("docs/ipt-core.md")).text
    #expect(actual == expected, "run: swift run ipt doc -o docs/ipt-core.md")
  }

  @Test("the pack compiled into the binary is rules/ipt-core: its files, tests and cases")
  func bundledPackIsCurrent() throws {
    let onDisk = try Workspace.yamlFiles(in: TestSupport.path("rules/ipt-core"))
    let bundled = PackFolder.bundled
    let disk = PackFolder.disk("rules/ipt-core")
    #expect(bundled.packFiles().files == disk.packFiles().files)
    #expect(bundled.testFiles().files == disk.testFiles().files)
    for path in onDisk.map({ String($0.dropFirst(TestSupport.root.count + 1)) }) {
      #expect(
        try bundled.read(path).text == disk.read(path).text,
        "\(path) differs from the bundled copy: rebuild")
    }
    let fromBundle = try #require(Advisor.load(.bundled).advisor)
    #expect(fromBundle.program.pack == (try TestSupport.core().program.pack))
  }
}

/// A pack that `extends` the default pack adds to it without copying it.
@Suite("extends")
struct ExtendsTests {
  @Test("a local pack extending ipt-core has the core rules and its own, and can use core findings")
  func localPackExtendsCore() throws {
    _ = try TestSupport.corePack()  // enters the repository root
    let pack = Advisor.load(.disk("Tests/PackTests/Fixtures/local-pack"))
    let local = try #require(
      pack.advisor, "\(pack.diagnostics.map { "\($0.location): \($0.message)" })")
    let program = local.program
    let core = try TestSupport.corePack()
    #expect(program.pack.id == "ipt-local")
    #expect(program.rules.count == core.rules.count + 1)
    #expect(program.rule(id: "local.long-wait") != nil)
    let facts = try TestSupport.loadCase(
      "rules/ipt-core/cases/c01-grief-recent-death.yaml", advisor: local)
    let evaluation = program.evaluate(facts)
    let focus = try #require(program.outputs.firstIndex { $0.name == "focus" })
    #expect(
      evaluation.outputs[focus].picked.map { program.outputs[focus].values[$0].name } == ["grief"])
  }
}

/// `ipt test` on broken test files: located errors, and readable failures.
@Suite("Pack test errors")
struct PackTestErrorTests {
  @Test("unknown rules and missing cases are located errors; a wrong expectation is a failure")
  func brokenTests() throws {
    let advisor = try TestSupport.core()
    let run = advisor.runTests(files: ["Tests/PackTests/Fixtures/bad-tests/tests.yaml"])
    let found = run.diagnostics.map { "\($0.code)@\($0.location.line):\($0.location.column)" }
    #expect(found.contains("unknown-rule@5:15"))
    #expect(
      run.diagnostics.first { $0.code == .unknownRule }?.hint
        == "did you mean 'grief.death-near-onset'?")
    #expect(found.contains("invalid-test-case@7:11"))
    #expect(found.contains("file-unreadable@1:1"))
    #expect(run.notRun == 2)
    #expect(run.outcomes.count == 1)
    let failure = try #require(run.outcomes.first?.failures)
    #expect(
      failure.map(\.expected) == [
        "focus: role_dispute picked", "suggestions deferred pending safety",
        "rule derived.death-near-onset fires saying \"died 5 months ago\"",
        "suicidality among the questions of what to ask next",
      ])
    #expect(
      failure[2].actual
        == "it says \"The partner died 4 months ago; the episode began 3 months ago.\"")
    let text = TextRenderer().render(
      TestRunDocument(program: advisor.program).document(run, coverage: false))
    #expect(text.hasSuffix("0 passed, 1 failed\n"))
    #expect(text.contains("2 tests could not run"))
  }
}
