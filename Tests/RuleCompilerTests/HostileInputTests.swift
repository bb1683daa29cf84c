import Foundation
import RuleDiagnostics
import RuleSyntax
import TestSupport
import Testing

/// Issue 15, items 4 and 16: conditions and numbers in packs are bounded, with located errors.
@Suite("Hostile input in packs")
struct HostilePackTests {
  /// The demo pack with one more rule whose condition is `when` (quoted when asked).
  static func compile(when: String, then: String = "{suggest: {focus: grief}}") -> [Diagnostic] {
    TestSupport.compile(
      files: DemoPack.files(["more.yaml": "rules:\n" + DemoPack.rule("r.x", when: when, then: then)]
      ),
      directory: DemoPack.directory
    ).1
  }

  static func errors(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
    diagnostics.filter { $0.severity == .error }
  }

  // MARK: Item 4: condition length and depth

  @Test("item 4: a 64 KB chain of 'or' is one located error, at once and without a crash")
  func hugeOrChain() {
    let chain = Array(repeating: "living_alone", count: 5_000).joined(separator: " or ")
    #expect(chain.utf8.count > 64_000)
    let errors = Self.errors(Self.compile(when: chain))
    #expect(errors.count == 1)
    #expect(errors.first?.code == .expressionSyntax)
    #expect(
      errors.first?.message
        == "the condition is \(chain.unicodeScalars.count) characters long, more than the limit of 2000"
    )
    #expect(errors.first?.location == SourceLocation(file: "demo/more.yaml", line: 4, column: 11))
  }

  @Test("item 4: more tokens than the limit is located at the first token over it")
  func tooManyTokens() {
    // 2 tokens per operand ('a' and 'or'): token 501 is the 251st operand.
    let chain = Array(repeating: "a", count: 300).joined(separator: " or ")
    let errors = Self.errors(Self.compile(when: chain))
    #expect(
      errors.map(\.message) == ["the condition has more than 500 names, values and operators"])
    // Operand k (0-based) starts at 5k; token 500 (0-based) is operand 250.
    #expect(
      errors.first?.location
        == SourceLocation(file: "demo/more.yaml", line: 4, column: 11 + 5 * 250))
  }

  @Test("item 4: the longest chain allowed parses and checks (deep tree, no stack overflow)")
  func longestAllowedChain() {
    let chain = Array(repeating: "living_alone", count: 120).joined(separator: " or ")
    #expect(chain.unicodeScalars.count <= ExpressionParser.lengthLimit)
    #expect(Self.errors(Self.compile(when: chain)).isEmpty)
    let sums = "phq9" + String(repeating: " + 1", count: 240) + " >= 10"
    #expect(Self.errors(Self.compile(when: sums)).isEmpty)
  }

  // MARK: Item 16: weights and numbers

  @Test(
    "item 16: weights beyond ±1000 are located errors",
    arguments: ["1e30", "-1e30", "1001", "-5000"])
  func hugeWeight(_ weight: String) {
    let errors = Self.errors(
      Self.compile(when: "living_alone", then: "{suggest: {focus: grief}, weight: \(weight)}"))
    #expect(errors.map(\.code) == [.valueOutOfRange])
    #expect(errors.first?.message == "'weight' '\(weight)' is outside the bounds -1000 to 1000")
    #expect(errors.first?.location.line == 5)
  }

  @Test("item 16: weights within bounds are accepted", arguments: ["1000", "-3", "0.5"])
  func saneWeight(_ weight: String) {
    #expect(
      Self.errors(
        Self.compile(when: "living_alone", then: "{suggest: {focus: grief}, weight: \(weight)}")
      ).isEmpty)
  }

  @Test("item 16: numbers in constants, ranges and conditions are bounded by 10^12")
  func hugeNumbers() {
    let constant = TestSupport.compile(
      files: DemoPack.files(["more.yaml": "constants:\n  big: 1e13\n"]),
      directory: DemoPack.directory
    ).1
    #expect(Self.errors(constant).map(\.code) == [.valueOutOfRange])
    let range = TestSupport.compile(
      files: DemoPack.files([
        "more.yaml":
          "vocabulary:\n  x: {type: number, range: [0, 1e300], description: X, ask: X?}\n"
      ]),
      directory: DemoPack.directory
    ).1
    #expect(Self.errors(range).map(\.code) == [.valueOutOfRange])
    let condition = Self.errors(
      Self.compile(when: "phq9 < " + String(repeating: "9", count: 400)))
    #expect(condition.map(\.code) == [.valueOutOfRange])
    #expect(condition.first?.location.column == 18)
  }

  @Test("item 16: a case number beyond 10^12 is a located error")
  func hugeCaseNumber() throws {
    let advisor = try DemoPack.program.get()
    var text = "case: big\nfindings:\n  life_events:\n    - {kind: move, months_ago: 1e30}\n"
    var (facts, diagnostics) = TestSupport.facts(text, advisor: advisor)
    #expect(facts == nil)
    #expect(diagnostics.map(\.code) == [.valueOutOfRange])
    text = "case: big\nfindings:\n  age: {at_least: 1e300}\n"
    (facts, diagnostics) = TestSupport.facts(text, advisor: advisor)
    #expect(facts == nil)
    #expect(!diagnostics.isEmpty)
  }
}
