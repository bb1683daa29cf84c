import Advisor
import Foundation
import RuleDiagnostics
import RuleEngine
import RuleRender
import RuleWorkspace
import TestSupport
import Testing

/// The batch writer's hand-written JSON line is byte for byte what JSONEncoder gives.
@Suite("JSON Lines writer")
struct JSONLinesTests {
  @Test("every sample and validation case, in full and release mode")
  func sameBytesAsJSONEncoder() throws {
    let full = try TestSupport.core()
    let release = try #require(Advisor.load(.disk("rules/ipt-core"), mode: .release).advisor)
    let paths =
      try Workspace.yamlFiles(in: "rules/ipt-core/cases")
      + Workspace.yamlFiles(in: "validation/cases")
    for path in paths {
      let file = try TestSupport.read(path)
      for advisor in [full, release] {
        let record = try #require(advisor.record(file).value)
        #expect(record.jsonLine == JSONText.encode(record, pretty: false), "\(path)")
      }
    }
  }

  @Test("strings that need escapes, and outputs whose names sort in byte order")
  func escapes() throws {
    let core = try TestSupport.core()
    let text = try TestSupport.read("rules/ipt-core/cases/c01-grief-recent-death.yaml").text
    let odd = SourceFile(path: "we\"ird\\päth/\u{1}\u{8}\t\n\u{7f}\u{2028}.yaml", text: text)
    var record = try #require(core.record(odd).value)
    record.picked["O3"] = ["a\"b"]
    record.picked["o10"] = []
    record.picked["o2"] = ["\u{1f}"]
    record.wouldFire = ["x/y"]
    #expect(record.jsonLine == JSONText.encode(record, pretty: false))
  }
}
