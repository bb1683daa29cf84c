import Advisor
import Foundation
import RuleDiagnostics
import RuleEngine
import RuleTester
import RuleWorkspace
import TestSupport
import TraineeCheck
import Testing

/// Issue 15, "no silent success": for every file kind (case, formulation, pack test file, pack
/// file), randomly corrupted input either loads to the same meaning as the original, or is
/// refused with at least one error located inside the file. Never refused in silence, never
/// accepted with an error, never accepted with another meaning. The corruptions insert a byte that
/// is hostile to YAML or to the values (brackets, quotes, anchors, control characters, NUL, bytes
/// that are not UTF-8) or delete a structural one (a colon, a bracket, a quote, a dash, a line
/// break); they never swap one digit or letter for another, which would write another valid file.
@Suite("No silent success")
struct NoSilentSuccessTests {
  static let inserted: [UInt8] =
    Array("{}[]:,#&*!|>'\"\\%@`".utf8) + [0x00, 0x01, 0x09, 0x1B, 0x7F, 0x80, 0xC3, 0xFF]
  static let deletable: Set<UInt8> = Set(":[]{}\"'-\n".utf8)

  /// One corruption of `bytes`.
  static func corrupt(_ bytes: [UInt8], random: inout SplitMix64) -> [UInt8] {
    var out = bytes
    let positions = out.indices.filter { deletable.contains(out[$0]) }
    if Bool.random(using: &random) || positions.isEmpty {
      let at = Int.random(in: 0...out.count, using: &random)
      out.insert(inserted[Int.random(in: 0..<inserted.count, using: &random)], at: at)
    } else {
      out.remove(at: positions[Int.random(in: 0..<positions.count, using: &random)])
    }
    return out
  }

  /// What a loaded file means, or its diagnostics when it does not load.
  enum Outcome {
    case meaning(String)
    case refused([Diagnostic])
  }

  /// Runs the corruptions of one file and checks each outcome against the original's meaning.
  static func check(
    _ path: String, runs: Int, seed: UInt64, load: (SourceFile) -> Outcome
  ) throws -> (same: Int, refused: Int) {
    let original = try TestSupport.read(path)
    guard case .meaning(let meaning) = load(original) else {
      Issue.record("\(path) does not load as it is")
      return (0, 0)
    }
    var random = SplitMix64(state: seed)
    var counts = (same: 0, refused: 0)
    for _ in 0..<runs {
      let bytes = corrupt(Array(original.text.utf8), random: &random)
      let file: SourceFile
      do {
        file = try Workspace.decode(bytes, path: path)
      } catch {
        // Not text: refused at the edge, located.
        #expect(error.line >= 1 && error.column >= 1)
        counts.refused += 1
        continue
      }
      switch load(file) {
      case .meaning(let corrupted):
        #expect(
          corrupted == meaning,
          "accepted with another meaning:\n\(String(decoding: bytes, as: UTF8.self))")
        counts.same += 1
      case .refused(let diagnostics):
        let errors = diagnostics.filter { $0.severity == .error }
        #expect(!errors.isEmpty, "refused with nothing said")
        for error in errors where error.location.file == path {
          #expect(error.location.line >= 1 && error.location.line <= file.lineStarts.count)
          #expect(error.location.column >= 1)
        }
        counts.refused += 1
      }
    }
    return counts
  }

  static func signature(_ evaluation: Evaluation) -> String {
    "\(evaluation.ruleTruth)|\(evaluation.outputs.map(\.picked))|\(evaluation.alerts.map(\.alert))"
  }

  @Test(
    "a corrupted case is refused with a located error or means the same",
    arguments: [
      "rules/ipt-core/cases/c01-grief-recent-death.yaml",
      "rules/ipt-core/cases/c09-suicidal-grief.yaml",
      "rules/ipt-core/cases/c18-danger-from-partner.yaml",
    ])
  func cases(_ path: String) throws {
    let advisor = try TestSupport.core()
    let counts = try Self.check(path, runs: 150, seed: 15) { file in
      let outcome = advisor.evaluate(file)
      guard let value = outcome.value else { return .refused(outcome.diagnostics) }
      return .meaning(Self.signature(value.evaluation))
    }
    #expect(counts.refused > 0)
  }

  @Test(
    "a corrupted formulation is refused with a located error or means the same",
    arguments: ["formulations/f01-agree.yaml", "formulations/f02-missed-area.yaml"])
  func formulations(_ path: String) throws {
    let advisor = try TestSupport.core()
    let caseFile = try TestSupport.read(
      path.contains("f01")
        ? "rules/ipt-core/cases/c01-grief-recent-death.yaml"
        : "rules/ipt-core/cases/c07-two-areas-move-and-marriage.yaml")
    let counts = try Self.check(path, runs: 150, seed: 16) { file in
      let run = advisor.check(cases: [caseFile], formulations: [file])
      guard !run.invalid, let report = run.reports.first else {
        return .refused(run.diagnostics)
      }
      let outputs = report.outputs.map { "\($0.name): \($0.traineeChose)" }
      return .meaning("\(outputs) \(report.alerts.map { "\($0.id) \($0.acknowledged)" })")
    }
    #expect(counts.refused > 0)
  }

  @Test("a corrupted pack test file is refused with a located error or means the same")
  func testFiles() throws {
    let advisor = try TestSupport.core()
    let tester = PackTester(program: advisor.program, folder: advisor.folder)
    let counts = try Self.check("rules/ipt-core/tests/safety.yaml", runs: 60, seed: 17) { file in
      let run = tester.run(sources: [file])
      if run.diagnostics.hasErrors { return .refused(run.diagnostics) }
      return .meaning(
        run.outcomes.map { "\($0.passed) \(Self.signature($0.evaluation))" }
          .joined(separator: "\n"))
    }
    #expect(counts.refused > 0)
  }

  @Test("a corrupted pack file is refused with a located error or means the same")
  func packFiles() throws {
    _ = try TestSupport.core()
    let folder = PackFolder.disk("rules/ipt-core")
    let files = try folder.packFiles().files.map { try Workspace.read($0) }
    let cases = try Workspace.yamlFiles(in: "rules/ipt-core/cases").prefix(8).map {
      try Workspace.read($0)
    }
    let target = "rules/ipt-core/rules/safety.yaml"
    let counts = try Self.check(target, runs: 40, seed: 18) { file in
      let load = Advisor.load(
        directory: "rules/ipt-core", files: files.map { $0.path == target ? file : $0 })
      guard let advisor = load.advisor else { return .refused(load.diagnostics) }
      return .meaning(
        cases.map { advisor.evaluate($0).value.map { Self.signature($0.evaluation) } ?? "-" }
          .joined(separator: "\n"))
    }
    #expect(counts.refused > 0)
  }
}
