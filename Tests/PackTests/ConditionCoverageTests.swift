import Advisor
import Foundation
import RuleDiagnostics
import RuleEngine
import RuleTester
import RuleWorkspace
import TestSupport
import Testing

/// `ipt test --coverage`: each condition shown deciding its rule (MC/DC), and each output value
/// picked, excluded and left unpicked.
@Suite("condition coverage")
struct ConditionCoverageTests {
  static func run(_ tests: String) throws -> (TestRun, Program) {
    let files: [String: String] = [
      "pack.yaml": "pack: cov\nversion: 1.0.0\nreferences: {R: \"A reference\"}\n",
      "vocabulary.yaml": """
      vocabulary:
        a: {type: boolean, description: a, ask: A?}
        b: {type: boolean, description: b, ask: B?}
        c: {type: boolean, description: c, ask: C?}
      outputs:
        focus:
          title: Focus
          pick: {max: 1, min_weight: 1}
          values: {x: {label: X}, y: {label: Y}}
      """,
      "rules.yaml": """
      rules:
        - {id: r.ab, title: A and B, when: [a, b], then: {suggest: {focus: x}}, because: ab, cite: [R], status: reviewed}
        - {id: r.c, title: C, when: c, then: {exclude: {focus: x}}, because: c, cite: [R], status: reviewed}
        - {id: r.y, title: Not A, when: "not a", then: {suggest: {focus: y}}, because: y, cite: [R], status: reviewed}
      """,
      "tests/t.yaml": tests,
    ]
    let sources = files.keys.sorted().map { SourceFile(path: "cov/\($0)", text: files[$0] ?? "") }
    let advisor = try #require(Advisor.load(.stored(directory: "cov", files: sources)).advisor)
    return (advisor.runTests(files: ["cov/tests/t.yaml"]), advisor.program)
  }

  static let both = """
    tests:
      - {name: both, findings: {a: true, b: true, c: false}, expect: {picked: {focus: [x]}}}
      - {name: no a, findings: {a: false, b: true, c: false}, expect: {picked: {focus: [y]}}}
      - {name: no b, findings: {a: true, b: false, c: false}, expect: {not_picked: {focus: [x]}}}
      - {name: excluded, findings: {a: true, b: true, c: true}, expect: {not_picked: {focus: [x]}}}
    """

  @Test("a condition is shown by two tests that differ only in it, with different results")
  func pairs() throws {
    let (run, program) = try Self.run(Self.both)
    #expect(run.failedCount == 0)
    let coverage = ConditionCoverage(run, program: program)
    let ab = try #require(coverage.rules.first { $0.rule == "r.ab" })
    #expect(ab.conditions.map(\.shown) == [true, true])
    #expect(ab.conditions[0].pair == ["both", "no a"])
    #expect(ab.conditions[1].pair == ["both", "no b"])
    #expect(coverage.conditions == 4 && coverage.shown == 4 && coverage.percent == 100)
    let x = try #require(coverage.values.first { $0.value == "x" })
    #expect((x.picked, x.excluded, x.unpicked) == (1, 1, 2))
    #expect(x.full)
    let y = try #require(coverage.values.first { $0.value == "y" })
    #expect(!y.full && y.excluded == 0)
  }

  @Test("without the test that fails only b, b is not shown")
  func missingPair() throws {
    let tests = """
      tests:
        - {name: both, findings: {a: true, b: true, c: false}, expect: {picked: {focus: [x]}}}
        - {name: no a, findings: {a: false, b: true, c: false}, expect: {picked: {focus: [y]}}}
        - {name: neither, findings: {a: false, b: false, c: false}, expect: {picked: {focus: [y]}}}
      """
    let (run, program) = try Self.run(tests)
    let coverage = ConditionCoverage(run, program: program)
    let ab = try #require(coverage.rules.first { $0.rule == "r.ab" })
    #expect(ab.conditions.map(\.shown) == [true, false])
    #expect(ab.conditions[1].truths == ["false", "true"])
    #expect(coverage.shown < coverage.conditions)
  }

  @Test("the shipped pack's tests show most conditions, and the figure is stable")
  func shippedPack() throws {
    let core = try TestSupport.core()
    let coverage = ConditionCoverage(core.runTests(), program: core.program)
    #expect(coverage.conditions > 250)
    #expect(coverage.percent >= 80, "MC/DC \(coverage.percent)%")
  }
}
