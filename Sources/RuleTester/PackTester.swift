import RuleCompiler
package import RuleDiagnostics
package import RuleEngine
import RuleRender
import RuleSyntax
package import RuleWorkspace

/// Runs a pack's `tests/*.yaml` against its program.
package struct PackTester {
  /// The compiled pack.
  package let program: Program
  /// Where test files and the cases they name are read from.
  package let folder: PackFolder
  let compiler: CaseCompiler

  /// A tester for `program`, reading test files and cases through `folder`.
  package init(program: Program, folder: PackFolder) {
    self.program = program
    self.folder = folder
    self.compiler = CaseCompiler(program: program)
  }

  /// Loads and runs every test in the given files; `problems` are errors met while finding them.
  package func run(files: [String], problems: [Diagnostic] = []) -> TestRun {
    var diagnostics: [Diagnostic] = problems
    var sources: [SourceFile] = []
    for path in files {
      do {
        sources.append(try folder.read(path))
      } catch {
        diagnostics.append(error.diagnostic)
      }
    }
    return run(sources: sources, problems: diagnostics)
  }

  /// Loads and runs every test in test files already read.
  package func run(sources: [SourceFile], problems: [Diagnostic] = []) -> TestRun {
    var diagnostics: [Diagnostic] = problems
    var outcomes: [TestOutcome] = []
    var notRun = 0
    var names: [String: SourceLocation] = [:]
    for file in sources {
      let (tests, loadDiagnostics) = Loader.loadTests(file)
      diagnostics += loadDiagnostics
      for test in tests {
        if let first = names[test.name.value] {
          diagnostics.append(
            Diagnostic(
              .error, code: .duplicateName, "test '\(test.name.value)' is declared more than once",
              at: test.name.location, hint: "give each test a unique name",
              notes: [.init("first declared here", at: first)]))
          continue
        }
        names[test.name.value] = test.name.location
        var testDiagnostics: [Diagnostic] = []
        if let outcome = run(test, diagnostics: &testDiagnostics) {
          outcomes.append(outcome)
        } else {
          notRun += 1
        }
        diagnostics += testDiagnostics
      }
    }
    var fired = Array(repeating: 0, count: program.rules.count)
    var picked = program.outputs.map { Array(repeating: 0, count: $0.values.count) }
    var alerts = Array(repeating: 0, count: program.alerts.count)
    for outcome in outcomes {
      for (index, truth) in outcome.evaluation.ruleTruth.enumerated() where truth == .true {
        fired[index] += 1
      }
      for (o, result) in outcome.evaluation.outputs.enumerated() {
        for v in result.picked { picked[o][v] += 1 }
      }
      for alert in outcome.evaluation.alerts { alerts[alert.alert] += 1 }
    }
    return TestRun(
      outcomes: outcomes, diagnostics: diagnostics.normalized(), firedCounts: fired,
      pickedCounts: picked,
      alertCounts: alerts, notRun: notRun)
  }

  func run(_ test: TestSyntax, diagnostics: inout [Diagnostic]) -> TestOutcome? {
    let facts: CaseFacts
    if let casePath = test.casePath {
      let path = Workspace.normalize(
        Workspace.join(Workspace.parent(of: test.file.path), casePath.value))
      // A test's case stays inside the pack's folder (or, for a test file outside the pack, inside
      // the test file's folder), so that no test can read or echo any other file.
      let boundary =
        Workspace.isLexicallyInside(test.file.path, folder.directory)
        ? folder.directory : Workspace.parent(of: test.file.path)
      guard Workspace.isLexicallyInside(path, boundary) else {
        diagnostics.append(
          Diagnostic(
            .error, code: .invalidTestCase,
            "test '\(test.name.value)' names a case outside the folder '\(boundary)': '\(casePath.value)'",
            at: casePath.location,
            hint: "keep the pack's sample cases in its cases/ folder and name them from there"))
        return nil
      }
      let loaded: CaseFacts?
      do {
        let file = try folder.read(path, within: boundary)
        let compiled = compiler.compile(file: file, sha256: Digest.sha256(file.text))
        diagnostics += compiled.diagnostics
        loaded = compiled.value
      } catch {
        diagnostics.append(error.diagnostic)
        loaded = nil
      }
      guard let loaded else {
        diagnostics.append(
          Diagnostic(
            .error, code: .invalidTestCase,
            "test '\(test.name.value)' names a case that cannot be evaluated: '\(path)'",
            at: casePath.location,
            hint: "fix the case file, or the path (relative to the test file)"))
        return nil
      }
      facts = loaded
    } else if let findings = test.findings {
      let compiled = compiler.compile(
        findings: findings, caseID: test.name.value, file: test.file,
        sha256: Digest.sha256(test.file.text))
      diagnostics += compiled.diagnostics
      guard let value = compiled.value else { return nil }
      facts = value
    } else {
      return nil
    }
    var failures: [TestFailure] = []
    var ok = true
    func output(_ name: Located<String>) -> Int? {
      guard let index = program.outputs.firstIndex(where: { $0.name == name.value }) else {
        diagnostics.append(
          CheckCatalogue.unknownOutput(
            name.value, candidates: program.outputs.map(\.name), at: name.location))
        ok = false
        return nil
      }
      return index
    }
    func value(_ o: Int, _ name: Located<String>) -> Int? {
      guard let index = program.outputs[o].values.firstIndex(where: { $0.name == name.value })
      else {
        diagnostics.append(
          CheckCatalogue.unknownOutputValue(
            name.value, output: program.outputs[o].name,
            candidates: program.outputs[o].values.map(\.name),
            at: name.location))
        ok = false
        return nil
      }
      return index
    }
    func alert(_ name: Located<String>) -> Int? {
      guard let index = program.alerts.firstIndex(where: { $0.name == name.value }) else {
        diagnostics.append(
          CheckCatalogue.unknownAlert(
            name.value, candidates: program.alerts.map(\.name), at: name.location))
        ok = false
        return nil
      }
      return index
    }
    // In release mode a draft rule may be left out: a test that needs it fails and says so.
    let skipped = Set(program.pack.skippedRules)
    func skippedFailure(_ id: Located<String>, expected: String) -> Bool {
      guard skipped.contains(id.value) else { return false }
      failures.append(
        TestFailure(
          expected: expected, actual: "skipped: a draft rule, left out in release mode", rules: [],
          location: id.location))
      return true
    }
    func rule(_ id: Located<String>) -> Int? {
      guard let index = program.rule(id: id.value) else {
        diagnostics.append(
          CheckCatalogue.unknownRule(id.value, candidates: program.rules.map(\.id), at: id.location)
        )
        ok = false
        return nil
      }
      return index
    }
    let evaluation = program.evaluate(facts)
    func describeStatus(_ o: Int, _ v: Int) -> String {
      let result = evaluation.outputs[o]
      let w = NumberText.format(result.weights[v])
      switch result.statuses[v] {
      case .picked(let rank): return "picked (rank \(rank + 1), \(w) points)"
      case .excluded:
        return
          "excluded by \(result.excludedBy[v].map { program.rules[$0].id }.joined(separator: ", "))"
      case .belowThreshold:
        return "not picked (\(w) points, below \(NumberText.format(program.outputs[o].minWeight)))"
      case .outranked: return "not picked (outranked, \(w) points)"
      }
    }
    func rulesFor(_ o: Int, _ v: Int) -> [Int] {
      program.outputRules[o].filter { r in
        program.rules[r].actions.suggest.contains { $0.output == o && $0.value == v }
          || program.rules[r].actions.exclude.contains { $0.output == o && $0.value == v }
      }
    }
    for ref in test.picked {
      guard let o = output(ref.output), let v = value(o, ref.value) else { continue }
      if !evaluation.outputs[o].statuses[v].isPicked {
        failures.append(
          TestFailure(
            expected: "\(ref.output.value): \(ref.value.value) picked",
            actual: describeStatus(o, v),
            rules: rulesFor(o, v), location: ref.value.location))
      }
    }
    for (ref, wanted) in test.provisional.map({ ($0, Truth.unknown) })
      + test.settled.map({ ($0, Truth.true) })
    {
      guard let o = output(ref.output), let v = value(o, ref.value) else { continue }
      let result = evaluation.outputs[o]
      if !result.statuses[v].isPicked || result.certainty[v] != wanted {
        let word = wanted == .unknown ? "provisional" : "settled"
        let actual =
          result.statuses[v].isPicked
          ? (result.certainty[v] == .true ? "picked, settled" : "picked, provisional")
          : describeStatus(o, v)
        failures.append(
          TestFailure(
            expected: "\(ref.output.value): \(ref.value.value) picked, \(word)", actual: actual,
            rules: rulesFor(o, v), location: ref.value.location))
      }
    }
    for ref in test.notPicked {
      guard let o = output(ref.output), let v = value(o, ref.value) else { continue }
      if evaluation.outputs[o].statuses[v].isPicked {
        failures.append(
          TestFailure(
            expected: "\(ref.output.value): \(ref.value.value) not picked",
            actual: describeStatus(o, v),
            rules: rulesFor(o, v), location: ref.value.location))
      }
    }
    for (name, values) in test.onlyPicked {
      guard let o = output(name) else { continue }
      let expected = values.compactMap { value(o, $0) }
      let actual = evaluation.outputs[o].picked
      if Set(expected) != Set(actual) {
        failures.append(
          TestFailure(
            expected:
              "\(name.value): exactly [\(expected.map { program.outputs[o].values[$0].name }.joined(separator: ", "))]",
            actual:
              "[\(actual.map { program.outputs[o].values[$0].name }.joined(separator: ", "))]",
            rules: Set(expected).symmetricDifference(actual).sorted().flatMap { rulesFor(o, $0) },
            location: name.location))
      }
    }
    let firedAlerts = Set(evaluation.alerts.map(\.alert))
    for name in test.alerts {
      guard let a = alert(name) else { continue }
      if !firedAlerts.contains(a) {
        failures.append(
          TestFailure(
            expected: "alert \(name.value)", actual: "did not fire",
            rules: program.rules.indices.filter { program.rules[$0].actions.alerts.contains(a) },
            location: name.location))
      }
    }
    for name in test.noAlerts {
      guard let a = alert(name) else { continue }
      if let fired = evaluation.alerts.first(where: { $0.alert == a }) {
        failures.append(
          TestFailure(
            expected: "no alert \(name.value)", actual: "fired", rules: fired.rules,
            location: name.location))
      }
    }
    for id in test.fired {
      if skippedFailure(id, expected: "rule \(id.value) fires") { continue }
      guard let r = rule(id) else { continue }
      if evaluation.ruleTruth[r] != .true {
        failures.append(
          TestFailure(
            expected: "rule \(id.value) fires",
            actual: evaluation.ruleTruth[r] == .false ? "failed" : "undetermined",
            rules: [r], location: id.location))
      }
    }
    // A skipped rule does not fire.
    for id in test.notFired where !skipped.contains(id.value) {
      guard let r = rule(id) else { continue }
      if evaluation.ruleTruth[r] == .true {
        failures.append(
          TestFailure(
            expected: "rule \(id.value) does not fire", actual: "fired", rules: [r],
            location: id.location))
      }
    }
    for (name, truth) in test.derived {
      guard let slot = program.findings.firstIndex(where: { $0.name == name.value && $0.derived })
      else {
        diagnostics.append(
          CheckCatalogue.unknownFinding(
            name.value, candidates: program.findings.filter(\.derived).map(\.name),
            at: name.location))
        ok = false
        continue
      }
      guard ["true", "false", "unknown"].contains(truth.value) else {
        diagnostics.append(
          Diagnostic(
            .error, code: .invalidValue, "expected true, false or unknown, found '\(truth.value)'",
            at: truth.location))
        ok = false
        continue
      }
      let actual: String
      switch evaluation.facts[slot] {
      case .boolean(let b): actual = b ? "true" : "false"
      default: actual = "unknown"
      }
      if actual != truth.value {
        failures.append(
          TestFailure(
            expected: "\(name.value) is \(truth.value)", actual: actual,
            rules: program.derivers[slot], location: truth.location))
      }
    }
    if let deferred = test.deferred, deferred.value != evaluation.deferredPendingSafety {
      failures.append(
        TestFailure(
          expected: deferred.value
            ? "suggestions deferred pending safety" : "suggestions not deferred",
          actual: evaluation.deferredPendingSafety
            ? "deferred by \(evaluation.alerts.filter { $0.severity == .critical }.map { program.alerts[$0.alert].name }.joined(separator: ", "))"
            : "no critical alert fired",
          rules: evaluation.alerts.filter { $0.severity == .critical }.flatMap(\.rules),
          location: deferred.location))
    }
    for (id, text) in test.because {
      if skippedFailure(id, expected: "rule \(id.value) fires saying \"\(text.value)\"") {
        continue
      }
      guard let r = rule(id) else { continue }
      let truth = evaluation.ruleTruth[r]
      let filled =
        truth == .true
        ? program.rules[r].because.map {
          ValueFormatter(program: program).fill(
            $0, trace: program.trace(rule: r, facts: facts, evaluation: evaluation),
            evaluation: evaluation)
        } : nil
      if filled?.contains(text.value) != true {
        failures.append(
          TestFailure(
            expected: "rule \(id.value) fires saying \"\(text.value)\"",
            actual: filled.map { "it says \"\($0)\"" } ?? "it \(RuleResult(truth).rawValue)",
            rules: [r], location: text.location))
      }
    }
    // What to ask next, explained once for `asks` and `ask_first`.
    let askNext =
      test.asks.isEmpty && test.askFirst == nil ? [] : program.explain(facts, evaluation).askNext
    for id in test.skipped {
      if skipped.contains(id.value) { continue }
      guard let r = rule(id) else { continue }
      failures.append(
        TestFailure(
          expected: "rule \(id.value) skipped in release mode",
          actual: program.pack.mode == .full
            ? "ran: the pack runs in full mode (use --release)"
            : "ran: a \(program.rules[r].status.rawValue) rule, or one a safety gate needs",
          rules: [r], location: id.location))
    }
    if !test.nearMiss.isEmpty {
      let explanation = program.explain(facts, evaluation)
      for id in test.nearMiss {
        if skippedFailure(id, expected: "rule \(id.value) a near miss") { continue }
        guard let r = rule(id) else { continue }
        if evaluation.ruleTruth[r] == .true {
          failures.append(
            TestFailure(
              expected: "rule \(id.value) a near miss", actual: "fired", rules: [r],
              location: id.location))
          continue
        }
        // As the report shows them: the three nearest misses of each value not picked.
        let near = explanation.outputs.contains { output in
          output.values.contains { value in
            !evaluation.outputs[output.output].picked.contains(value.value)
              && value.nearMisses.prefix(3).contains { $0.rule == r }
          }
        }
        if !near {
          failures.append(
            TestFailure(
              expected: "rule \(id.value) a near miss",
              actual: "not among the three nearest misses of a value it suggests", rules: [r],
              location: id.location))
        }
      }
    }
    if !test.asks.isEmpty {
      let asked = Set(askNext.map(\.slot))
      for name in test.asks {
        guard
          let slot = program.findings.firstIndex(where: { $0.name == name.value && !$0.derived })
        else {
          diagnostics.append(
            CheckCatalogue.unknownFinding(
              name.value, candidates: program.findings.filter { !$0.derived }.map(\.name),
              at: name.location))
          ok = false
          continue
        }
        if !asked.contains(slot) {
          failures.append(
            TestFailure(
              expected: "\(name.value) among the questions of what to ask next",
              actual: "not asked", rules: [], location: name.location))
        }
      }
    }
    if let askFirst = test.askFirst {
      if let slot = program.findings.firstIndex(where: { $0.name == askFirst.value && !$0.derived })
      {
        let first = askNext.first
        if first?.slot != slot {
          failures.append(
            TestFailure(
              expected: "\(askFirst.value) asked first",
              actual: first.map { "\(program.findings[$0.slot].name) asked first" }
                ?? "nothing to ask",
              rules: first?.rules ?? [], location: askFirst.location))
        }
      } else {
        diagnostics.append(
          CheckCatalogue.unknownFinding(
            askFirst.value, candidates: program.findings.filter { !$0.derived }.map(\.name),
            at: askFirst.location))
        ok = false
      }
    }
    guard ok else { return nil }
    return TestOutcome(
      name: test.name.value, location: test.name.location, caseID: facts.caseID, failures: failures,
      facts: facts,
      evaluation: evaluation)
  }
}
