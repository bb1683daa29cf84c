import RuleCompiler
import RuleDiagnostics
import RuleEngine
import RuleRender
import RuleSyntax
import RuleWorkspace
import TestSupport
import Testing

/// A small deterministic random generator, so a failing shuffle can be replayed from its seed.
struct SplitMix64: RandomNumberGenerator {
  var state: UInt64

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// The result does not depend on the order rules are written in, nor on the order of the files.
@Suite("Order independence")
struct OrderIndependenceTests {
  static func reports(_ pack: PackSyntax, cases: [String]) throws -> [String] {
    let compiled = Compiler.compile(pack, sha256: "")
    let program = try #require(compiled.value, "\(compiled.diagnostics.map(\.message))")
    let builder = ReportBuilder(program: program, engineVersion: "test")
    let compiler = CaseCompiler(program: program)
    return try cases.map { file in
      let facts = try #require(compiler.compile(file: try Workspace.read(file), sha256: "").value)
      let evaluation = program.evaluate(facts)
      var report = builder.report(program.explain(facts, evaluation), facts: facts)
      // The vocabulary's declared order breaks ties in "what to ask next" (by design), and the
      // shuffle reorders it: compare the questions as a set.
      report.askNext.sort { $0.finding < $1.finding }
      for o in report.outputs.indices {
        for v in report.outputs[o].values.indices { report.outputs[o].values[v].settledBy?.sort() }
      }
      // Rule locations name the renamed files: compare everything else.
      return JSONText.encode(report).split(separator: "\n")
        .filter { !$0.contains("\"location\" :") }.joined(separator: "\n")
    }
  }

  /// The pack's files, its sample cases and their reports in the written order, computed once.
  static let original:
    Result<(files: [SourceFile], cases: [String], reports: [String]), any Error> =
      Result {
        _ = try TestSupport.corePack()  // enters the repository root
        let paths = PackFolder.disk("rules/ipt-core").packFiles().files
        let files = try paths.map { try Workspace.read($0) }
        let cases = try Workspace.yamlFiles(in: "rules/ipt-core/cases")
        let (original, _) = Loader.loadPack(directory: "rules/ipt-core", files: files)
        return (files, cases, try reports(original, cases: cases))
      }

  @Test("shuffling rules, files and vocabulary order gives the same reports", arguments: 1...8)
  func shuffled(seed: Int) throws {
    let (files, cases, expected) = try Self.original.get()

    var random = SplitMix64(state: UInt64(seed))
    // File order: rename the rule files so that they sort in a shuffled order.
    let renamed = files.shuffled(using: &random).enumerated().map { index, file in
      file.path.hasSuffix("/pack.yaml")
        ? file : SourceFile(path: "rules/ipt-core/f\(100 + index).yaml", text: file.text)
    }
    var shuffled = Loader.loadPack(directory: "rules/ipt-core", files: renamed).0
    // Rule order and the order of findings (and so their slots).
    shuffled.rules.shuffle(using: &random)
    shuffled.findings.shuffle(using: &random)
    shuffled.constants.shuffle(using: &random)
    let actual = try Self.reports(shuffled, cases: cases)
    #expect(actual.count == expected.count)
    for (index, (a, e)) in zip(actual, expected).enumerated() where a != e {
      let first = zip(a.split(separator: "\n"), e.split(separator: "\n")).first { $0 != $1 }
      Issue.record(
        "seed \(seed): report for \(cases[index]) differs after shuffling: \(first.map { "\($0.0) vs \($0.1)" } ?? "length")"
      )
    }
  }
}
