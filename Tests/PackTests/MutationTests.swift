import Advisor
import RuleDiagnostics
import RuleEngine
import RuleWorkspace
import TestSupport
import Testing

/// Bad input gets diagnostics, never a crash: the default pack's files, mutated at random
/// (characters deleted or inserted, lines repeated, swapped or cut), always load and check to
/// either a program or errors with locations inside the files.
@Suite("Mutated packs")
struct MutationTests {
  static let alphabet = Array("{}[]:,-#&*!|>'\"\\ \t\nabc019._?%@`=<")

  static func mutate(_ text: String, random: inout SplitMix64) -> String {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard !lines.isEmpty else { return text }
    let line = Int.random(in: 0..<lines.count, using: &random)
    switch Int.random(in: 0..<5, using: &random) {
    case 0 where !lines[line].isEmpty:
      var chars = Array(lines[line])
      chars.remove(at: Int.random(in: 0..<chars.count, using: &random))
      lines[line] = String(chars)
    case 1:
      var chars = Array(lines[line])
      let at = Int.random(in: 0...chars.count, using: &random)
      chars.insert(alphabet[Int.random(in: 0..<alphabet.count, using: &random)], at: at)
      lines[line] = String(chars)
    case 2:
      lines.insert(lines[line], at: line)
    case 3:
      let other = Int.random(in: 0..<lines.count, using: &random)
      lines.swapAt(line, other)
    default:
      lines = Array(lines[..<line])
    }
    return lines.joined(separator: "\n")
  }

  @Test("200 random mutations load and check without crashing", arguments: 0..<4)
  func mutations(batch: Int) throws {
    _ = try TestSupport.corePack()  // enters the repository root
    let files = try PackFolder.disk("rules/ipt-core").packFiles().files.map {
      try Workspace.read($0)
    }
    var random = SplitMix64(state: UInt64(1000 + batch))
    for _ in 0..<50 {
      var mutated = files
      let victim = Int.random(in: 0..<files.count, using: &random)
      var text = files[victim].text
      for _ in 0..<Int.random(in: 1...3, using: &random) {
        text = Self.mutate(text, random: &random)
      }
      mutated[victim] = SourceFile(path: files[victim].path, text: text)
      let load = Advisor.load(directory: "rules/ipt-core", files: mutated)
      let diagnostics = load.diagnostics
      #expect(load.advisor != nil || diagnostics.hasErrors)
      for d in diagnostics where d.severity == .error {
        #expect(d.location.line >= 1 && d.location.column >= 1, "\(d.code) at \(d.location)")
        #expect(
          mutated.contains { $0.path == d.location.file }, "\(d.code) points outside the pack")
      }
    }
  }

  @Test("randomly broken case files are checked without crashing")
  func caseMutations() throws {
    let advisor = try TestSupport.core()
    let cases = try Workspace.yamlFiles(in: "rules/ipt-core/cases").map { try Workspace.read($0) }
    var random = SplitMix64(state: 77)
    for file in cases {
      for _ in 0..<20 {
        var text = file.text
        for _ in 0..<Int.random(in: 1...3, using: &random) {
          text = Self.mutate(text, random: &random)
        }
        let facts = advisor.facts(SourceFile(path: file.path, text: text))
        #expect(facts.value != nil || facts.diagnostics.hasErrors)
        if let value = facts.value { _ = advisor.evaluate(value) }
      }
    }
  }
}
