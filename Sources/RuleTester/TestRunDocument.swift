import RuleDiagnostics
public import RuleEngine
public import RuleRender

/// The report of a pack-test run: a line per test, what failed with the rules' explanation, the
/// closing `N passed, N failed` line, and coverage on request.
public struct TestRunDocument: Sendable {
  /// The compiled pack.
  public let program: Program

  /// A builder for `program`'s test runs.
  public init(program: Program) { self.program = program }

  /// The run as a document; `coverage` adds what no test reaches.
  public func document(_ run: TestRun, coverage: Bool) -> Document {
    let builder = ReportBuilder(program: program, engineVersion: "")
    var items: [ListItem] = []
    for outcome in run.outcomes {
      let badge: Inline = outcome.passed ? .badge("PASS", .positive) : .badge("FAIL", .critical)
      var failures: [ListItem] = []
      if !outcome.passed {
        let explanation = program.explain(outcome.facts, outcome.evaluation)
        for failure in outcome.failures {
          var rules: [ListItem] = []
          for rule in failure.rules.prefix(4) {
            let info = builder.ruleInfo(rule, explanation: explanation, detail: true)
            let premises = info.premises.filter { $0.truth != .true || info.result == .fired }.map {
              premise in
              ListItem(
                Text("\(premise.truth): ") + Text([.code(premise.condition)])
                  + premise.observedSuffix(sources: false, derivations: false))
            }
            rules.append(
              ListItem(
                Text([.plain("rule "), .code(info.id), .plain(": \(info.result.rawValue)")]),
                children: premises.isEmpty ? [] : [.list(premises, ordered: false)]))
          }
          failures.append(
            ListItem(
              Text(
                "expected: \(failure.expected); actual: \(failure.actual) (at \(failure.location))"),
              children: rules.isEmpty ? [] : [.list(rules, ordered: false)]))
        }
      }
      items.append(
        ListItem(
          Text([badge, .plain(" \(outcome.name) (\(outcome.location))")]),
          children: failures.isEmpty ? [] : [.list(failures, ordered: false)]))
    }
    var blocks: [Block] = [.heading("Tests", level: 2), .list(items, ordered: false)]
    if coverage { blocks += self.coverage(run) }
    blocks.append(.heading("Result", level: 2))
    if run.notRun > 0 {
      blocks.append(
        .paragraph(
          Text(
            "\(run.notRun) test\(run.notRun == 1 ? "" : "s") could not run: see the errors above")))
    }
    blocks.append(
      .paragraph(Text("\(run.outcomes.count - run.failedCount) passed, \(run.failedCount) failed")))
    return Document(
      title: Text([.strong("ipt-advisor tests of pack \(program.pack.id) \(program.pack.version)")]
      ), anchor: "tests",
      blocks: blocks)
  }

  private func coverage(_ run: TestRun) -> [Block] {
    let neverFired = program.rules.indices.filter { run.firedCounts[$0] == 0 }
    var missing: [String] = []
    var values = 0
    for (o, output) in program.outputs.enumerated() {
      for (v, value) in output.values.enumerated() {
        values += 1
        if run.pickedCounts[o][v] == 0 { missing.append("\(output.name): \(value.name)") }
      }
    }
    let silent = program.alerts.indices.filter { run.alertCounts[$0] == 0 }
    func item(_ title: String, _ reached: Int, _ total: Int, _ gaps: [Text]) -> ListItem {
      ListItem(
        Text("\(title): \(reached)/\(total)"),
        children: gaps.isEmpty ? [] : [.list(gaps.map { ListItem($0) }, ordered: false)])
    }
    let conditions = ConditionCoverage(run, program: program)
    var gaps: [Text] = []
    for rule in conditions.rules where rule.shown < rule.conditions.count {
      for condition in rule.conditions where !condition.shown {
        gaps.append(
          Text([
            .code(rule.rule), .plain(": "), .code(condition.text),
            .plain(" (seen \(condition.truths.joined(separator: ", ")); \(condition.location))"),
          ]))
      }
    }
    let partial = conditions.values.filter { !$0.full }.map { value in
      let missing = [
        value.picked == 0 ? "picked" : nil, value.excluded == 0 ? "excluded" : nil,
        value.unpicked == 0 ? "left unpicked" : nil,
      ].compactMap { $0 }
      return Text("\(value.output): \(value.value) never \(missing.joined(separator: ", never "))")
    }
    return [
      .heading("Coverage", level: 2),
      .paragraph(
        Text(
          "Conditions shown to decide their rule on their own (MC/DC): \(conditions.shown)/\(conditions.conditions) (\(NumberText.format(conditions.percent))%). A condition is shown when two tests differ only in its truth and the rule's result differs too."
        )),
      .list(
        [
          item(
            "rules fired by at least one test", program.rules.count - neverFired.count,
            program.rules.count,
            neverFired.map {
              Text([
                .plain("never fired: "), .code(program.rules[$0].id),
                .plain(" (\(program.rules[$0].location))"),
              ])
            }),
          item(
            "output values picked by at least one test", values - missing.count, values,
            missing.map { Text("never picked: \($0)") }),
          item(
            "alerts raised by at least one test", program.alerts.count - silent.count,
            program.alerts.count,
            silent.map { Text([.plain("never raised: "), .code(program.alerts[$0].name)]) }),
          item("conditions shown (MC/DC)", conditions.shown, conditions.conditions, gaps),
          item(
            "output values picked, excluded and left unpicked in some test", conditions.valuesFull,
            conditions.values.count, partial),
        ], ordered: false),
    ]
  }
}
