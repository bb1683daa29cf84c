import RuleDiagnostics
public import RuleEngine
public import RuleTester

/// Renders pack-test results: a line per test, a readable diff of what failed with the rules'
/// explanation, a closing `N passed, N failed` line, and coverage on request.
public struct TestRunRenderer: Sendable {
  public let program: Program

  public init(program: Program) { self.program = program }

  public func render(_ run: TestRun, coverage: Bool) -> String {
    var out = ""
    let builder = ReportBuilder(program: program, engineVersion: "")
    for outcome in run.outcomes {
      out += "\(outcome.passed ? "PASS" : "FAIL")  \(outcome.name) (\(outcome.location))\n"
      guard !outcome.passed else { continue }
      let explanation = program.explain(outcome.facts, outcome.evaluation)
      for failure in outcome.failures {
        out += "      expected: \(failure.expected)\n"
        out += "      actual:   \(failure.actual)\n"
        out += "      at \(failure.location)\n"
        for rule in failure.rules.prefix(4) {
          let info = builder.ruleInfo(rule, explanation: explanation, detail: true)
          out += "        rule \(info.id): \(info.result)\n"
          for premise in info.premises where premise.truth != "true" || info.result == "fired" {
            out += "          \(premise.truth): \(premise.condition)"
              + premise.observedSuffix(sources: false, derivations: false) + "\n"
          }
        }
      }
    }
    if coverage { out += renderCoverage(run) }
    if run.notRun > 0 {
      out += "\(run.notRun) test\(run.notRun == 1 ? "" : "s") could not run: see the errors above\n"
    }
    out += "\(run.outcomes.count - run.failedCount) passed, \(run.failedCount) failed\n"
    return out
  }

  public func renderCoverage(_ run: TestRun) -> String {
    var out = "\nCoverage\n"
    let neverFired = program.rules.indices.filter { run.firedCounts[$0] == 0 }
    out += "  rules fired by at least one test: \(program.rules.count - neverFired.count)/\(program.rules.count)\n"
    for r in neverFired { out += "    never fired: \(program.rules[r].id) (\(program.rules[r].location))\n" }
    var values = 0
    var missing: [String] = []
    for (o, output) in program.outputs.enumerated() {
      for (v, value) in output.values.enumerated() {
        values += 1
        if run.pickedCounts[o][v] == 0 { missing.append("\(output.name): \(value.name)") }
      }
    }
    out += "  output values picked by at least one test: \(values - missing.count)/\(values)\n"
    for m in missing { out += "    never picked: \(m)\n" }
    let silent = program.alerts.indices.filter { run.alertCounts[$0] == 0 }
    out += "  alerts raised by at least one test: \(program.alerts.count - silent.count)/\(program.alerts.count)\n"
    for a in silent { out += "    never raised: \(program.alerts[a].name)\n" }
    return out + "\n"
  }
}
