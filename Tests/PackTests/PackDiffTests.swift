import Advisor
import Foundation
import RuleDiagnostics
import RuleRender
import RuleWorkspace
import TestSupport
import Testing

/// `ipt diff`: what a pack change does to the sample cases, and which rules caused it.
@Suite("pack diff")
struct PackDiffTests {
  /// A copy of the default pack with `edit` applied to one of its rule files.
  static func changedCopy(_ scratch: Scratch, file: String, _ edit: (String) -> String) throws
    -> Advisor
  {
    let copy = scratch.at("pack")
    try FileManager.default.copyItem(atPath: TestSupport.path("rules/ipt-core"), toPath: copy)
    let path = copy + "/" + file
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let edited = edit(text)
    #expect(edited != text, "the edit changed nothing")
    try edited.write(toFile: path, atomically: true, encoding: .utf8)
    return try #require(Advisor.load(.disk(copy)).advisor)
  }

  static func cases() throws -> [SourceFile] {
    try Workspace.yamlFiles(in: "rules/ipt-core/cases").map { try TestSupport.read($0) }
  }

  @Test("one weight changed: the affected sample cases and that rule are named")
  func weightChange() throws {
    let scratch = try Scratch("diff-weight")
    let old = try TestSupport.core()
    let new = try Self.changedCopy(scratch, file: "rules/grief.yaml") {
      $0.replacing(
        "suggest: {focus: grief}\n      weight: 3", with: "suggest: {focus: grief}\n      weight: 1"
      )
    }
    let diff = old.diff(against: new, cases: try Self.cases())
    #expect(diff.rules.changed.map(\.rule) == ["grief.significant-death"])
    #expect(diff.rules.changed.map(\.change) == ["weight 3 -> 1"])
    #expect(diff.rules.added.isEmpty && diff.rules.removed.isEmpty)
    #expect(!diff.changed.isEmpty)
    for change in diff.changed {
      #expect(change.rules.contains { $0.rule == "grief.significant-death" }, "\(change.case)")
    }
    let remitter = try #require(diff.changed.first { $0.case == "c42-course-remitter" })
    let focus = try #require(remitter.outputs.first { $0.output == "focus" })
    #expect(focus.old == ["grief"] && focus.new.isEmpty)
    #expect(
      diff.outputsChanged["focus"]
        == diff.changed.count { $0.outputs.contains { $0.output == "focus" } })
    #expect(diff.alertsDropped == 0)
    let text = TextRenderer(colour: false).render(PackDiffDocument().document(diff))
    #expect(text.contains("grief.significant-death: weight 3 -> 1"))
  }

  @Test("a dropped safety alert is counted and listed first")
  func droppedAlert() throws {
    let scratch = try Scratch("diff-alert")
    let old = try TestSupport.core()
    let new = try Self.changedCopy(scratch, file: "rules/safety.yaml") {
      $0.replacing(
        "      - acute_risk\n    then:\n      alert: acute_suicide_risk",
        with: "      - not acute_risk\n    then:\n      alert: acute_suicide_risk")
    }
    let diff = old.diff(against: new, cases: try Self.cases())
    #expect(diff.alertsDropped > 0)
    let first = try #require(diff.changed.first { !$0.alertsDropped.isEmpty })
    #expect(first.alertsDropped.contains("critical: acute_suicide_risk"))
    #expect(
      first.rules.contains {
        $0.rule == "safety.acute-suicide-risk" && $0.change == "no longer fires"
      })
    let text = TextRenderer(colour: false).render(PackDiffDocument().document(diff))
    #expect(text.contains("read those first"))
    #expect(PackDiffDocument.ordered(diff.changed).first?.alertsDropped.isEmpty == false)
  }

  @Test("the same pack changes nothing")
  func samePack() throws {
    let core = try TestSupport.core()
    let diff = core.diff(against: core, cases: try Self.cases())
    #expect(diff.changed.isEmpty)
    #expect(diff.rules.added.isEmpty && diff.rules.removed.isEmpty && diff.rules.changed.isEmpty)
    #expect(diff.cases == (try Self.cases()).count)
  }

  @Test("a case only one pack can read is listed, and one neither can read is invalid")
  func unreadableCases() throws {
    let scratch = try Scratch("diff-vocabulary")
    let old = try TestSupport.core()
    let new = try Self.changedCopy(scratch, file: "vocabulary.yaml") {
      $0.replacing(
        "    type: integer\n    range: [0, 120]", with: "    type: integer\n    range: [0, 100]")
    }
    let aged = SourceFile(path: "aged.yaml", text: "case: aged\nfindings:\n  age: 110\n")
    let broken = SourceFile(path: "broken.yaml", text: "case: x\nfindings: {nonsense: 1}\n")
    let diff = old.diff(against: new, cases: [aged, broken])
    #expect(diff.changed.first?.unreadable?.hasPrefix("the new pack cannot read it") == true)
    #expect(diff.invalid.count == 1)
  }
}
