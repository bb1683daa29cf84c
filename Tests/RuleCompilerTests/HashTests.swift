import RuleDiagnostics
import RuleEngine
import TestSupport
import Testing

/// The case hash carried in every report is SHA-256 of the file's bytes (checked against known
/// digests, across block boundaries and with multi-byte characters).
@Suite("Case hashes")
struct HashTests {
  static let known: [(String, String)] = [
    ("case: c\nfindings: {}\n", "4ae85b3261568082b6ff77633cd39a7a2242181c2e63137757bf257045f4f85b"),
    (
      "case: c\nnotes: " + String(repeating: "x", count: 150) + "\nfindings: {}\n",
      "b240cada35fa37e0a2f5bcb912103931ad058ab3a3a4ca04a2ff6cfae00cabfa"
    ),
    (
      "case: c\nnotes: " + String(repeating: "é", count: 100) + "\nfindings: {}\n",
      "82096882e94993443bacbf640dccf4ca445a66f84334bf8998e6fa444f278dbe"
    ),
  ]

  @Test("a case's sha256 is the SHA-256 of its bytes", arguments: known)
  func caseHash(text: String, digest: String) throws {
    let (program, diagnostics) = TestSupport.compile(files: [
      "pack.yaml": "pack: p\nversion: 1.0.0\n",
      "vocabulary.yaml": """
      vocabulary:
        a: {type: boolean, description: a, ask: a?}
        b: {type: boolean, derived: true, description: b}

      """,
      "rules.yaml": "rules:\n  - {id: r.b, title: B, when: a, then: {derive: b}, because: a}\n",
    ])
    let compiled = try #require(program, "\(diagnostics.map(\.message))")
    let (facts, _) = TestSupport.facts(text, advisor: compiled)
    #expect(try #require(facts).sha256 == digest)
  }
}
