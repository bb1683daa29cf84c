import RuleDiagnostics
public import RuleEngine

/// What a pack's tests show about its conditions and output values (`ipt test --coverage`,
/// schema `ipt-advisor/coverage/1`).
///
/// **Conditions (MC/DC, unique cause).** A rule's conditions (the items of its `when:`) all must
/// hold. A condition is *shown* when two tests evaluate the rule with every other condition at the
/// same truth, this one at a different truth, and the rule's result differs: the tests showed that
/// this condition alone decides the rule, as modified condition/decision coverage asks. Truths are
/// three-valued (true, false, unknown), so an unknown finding counts as a truth of its own.
///
/// **Output values.** For each value: the number of tests in which it was picked, excluded, and
/// left unpicked (not excluded); a value is fully covered when each happened in some test.
public struct ConditionCoverage: Codable, Sendable, Hashable {
  /// One condition of a rule.
  public struct ConditionEntry: Codable, Sendable, Hashable {
    /// As written.
    public var text: String
    /// `file:line:column`.
    public var location: String
    /// Whether the tests showed it deciding its rule on its own.
    public var shown: Bool
    /// The truths it took in the tests (`true`, `false`, `unknown`), sorted.
    public var truths: [String]
    /// The two tests that show it, when it is shown.
    public var pair: [String]?
  }

  /// One rule.
  public struct RuleEntry: Codable, Sendable, Hashable {
    /// The rule's id.
    public var rule: String
    /// Where it is.
    public var location: String
    /// Its conditions, in order.
    public var conditions: [ConditionEntry]
    /// How many are shown.
    public var shown: Int
  }

  /// One output value.
  public struct ValueEntry: Codable, Sendable, Hashable {
    /// The output's name.
    public var output: String
    /// The value's name.
    public var value: String
    /// Tests in which it was picked.
    public var picked: Int
    /// Tests in which a rule excluded it.
    public var excluded: Int
    /// Tests in which it was neither picked nor excluded.
    public var unpicked: Int

    /// Whether each of the three happened in some test.
    public var full: Bool { picked > 0 && excluded > 0 && unpicked > 0 }
  }

  /// `ipt-advisor/coverage/1`.
  public var schema = "ipt-advisor/coverage/1"
  /// Conditions over every rule.
  public var conditions: Int
  /// Conditions shown.
  public var shown: Int
  /// `shown / conditions` as a percentage with one decimal.
  public var percent: Double
  /// Every rule, in id order.
  public var rules: [RuleEntry]
  /// Every output value, in declared order.
  public var values: [ValueEntry]
  /// Values picked, excluded and left unpicked in some test.
  public var valuesFull: Int

  enum CodingKeys: String, CodingKey {
    case schema, conditions, shown, percent, rules, values
    case valuesFull = "values_full"
  }

  /// The coverage of a test run.
  public init(_ run: TestRun, program: Program) {
    // Per rule: each distinct vector of condition truths, with its result and the test.
    var seen = Array(
      repeating: [[Truth]: (result: Truth, test: String)](), count: program.rules.count)
    var values = program.outputs.enumerated().flatMap { o, output in
      output.values.map {
        ValueEntry(output: output.name, value: $0.name, picked: 0, excluded: 0, unpicked: 0)
      }
    }
    for outcome in run.outcomes {
      for r in program.rules.indices {
        let trace = program.trace(rule: r, facts: outcome.facts, evaluation: outcome.evaluation)
        let vector = trace.premises.map(\.truth)
        if seen[r][vector] == nil {
          seen[r][vector] = (outcome.evaluation.ruleTruth[r], outcome.name)
        }
      }
      var index = 0
      for (o, output) in program.outputs.enumerated() {
        let result = outcome.evaluation.outputs[o]
        for v in output.values.indices {
          if result.picked.contains(v) {
            values[index].picked += 1
          } else if !result.excludedBy[v].isEmpty {
            values[index].excluded += 1
          } else {
            values[index].unpicked += 1
          }
          index += 1
        }
      }
    }
    var rules: [RuleEntry] = []
    for (r, rule) in program.rules.enumerated() {
      let vectors = Array(seen[r])
      var entries: [ConditionEntry] = []
      for (i, condition) in rule.conditions.enumerated() {
        let truths = Set(vectors.map { $0.key[i].description }).sorted()
        var pair: [String]?
        search: for (a, x) in vectors.enumerated() {
          for y in vectors[(a + 1)...]
          where x.key[i] != y.key[i] && x.value.result != y.value.result {
            if x.key.indices.allSatisfy({ $0 == i || x.key[$0] == y.key[$0] }) {
              pair = [x.value.test, y.value.test].sorted()
              break search
            }
          }
        }
        entries.append(
          ConditionEntry(
            text: condition.text, location: condition.location.description, shown: pair != nil,
            truths: truths, pair: pair))
      }
      rules.append(
        RuleEntry(
          rule: rule.id, location: rule.location.description, conditions: entries,
          shown: entries.count { $0.shown }))
    }
    self.rules = rules
    self.values = values
    conditions = rules.reduce(0) { $0 + $1.conditions.count }
    shown = rules.reduce(0) { $0 + $1.shown }
    percent = conditions == 0 ? 100 : (Double(shown) * 1000 / Double(conditions)).rounded() / 10
    valuesFull = values.count { $0.full }
  }
}
