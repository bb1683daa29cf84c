import Advisor
import Foundation
import RuleDiagnostics
import RuleEngine
import RuleRender
import RuleWorkspace
import TestSupport
import Testing

/// The report's hand-written JSON is byte for byte what JSONEncoder gives, pretty and on one line.
@Suite("Report JSON writer")
struct ReportJSONTests {
  /// What `JSONText.encode` gave before the report had its own writer.
  func encoded(_ report: Report, pretty: Bool) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting =
      pretty
      ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
      : [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(report), as: UTF8.self) + "\n"
  }

  func expectSame(_ report: Report, _ label: String, pretty modes: [Bool] = [true, false]) throws {
    for pretty in modes {
      let written = report.json(pretty: pretty)
      let expected = try encoded(report, pretty: pretty)
      #expect(written == expected, "\(label) pretty: \(pretty)")
      #expect(JSONText.encode(report, pretty: pretty) == written)
    }
  }

  @Test("every sample and validation case in both modes; full traces of the samples")
  func sameBytesAsJSONEncoder() throws {
    let full = try TestSupport.core()
    let release = try #require(Advisor.load(.disk("rules/ipt-core"), mode: .release).advisor)
    let paths =
      try Workspace.yamlFiles(in: "rules/ipt-core/cases")
      + Workspace.yamlFiles(in: "validation/cases")
    var courses = 0
    for path in paths {
      let file = try TestSupport.read(path)
      for (advisor, traced) in [(full, true), (release, false)] {
        // A full trace lists every rule: the sample cases in full mode are enough for it.
        let traces = traced && path.hasPrefix("rules/") ? [false, true] : [false]
        for trace in traces {
          let report = try #require(advisor.evaluate(file, trace: trace).value).report
          if report.course != nil { courses += 1 }
          // Pretty printing is the same code for every report: the samples are enough for it.
          try expectSame(
            report, "\(path) trace: \(trace)",
            pretty: path.hasPrefix("rules/") ? [true, false] : [false])
        }
      }
    }
    // The corpus exercises the optional parts too.
    #expect(courses > 0)
  }

  @Test("numbers, escapes, nulls and empty containers")
  func edges() throws {
    let core = try TestSupport.core()
    let file = try TestSupport.read("rules/ipt-core/cases/c01-grief-recent-death.yaml")
    var report = try #require(core.evaluate(file).value).report
    let weights = [0.1, -0.0, 1e-7, 1e21, 123_456_789.125, -2.5, 1.0 / 3.0]
    for (i, weight) in weights.enumerated() {
      report.outputs[0].values[i % report.outputs[0].values.count].weight = weight
    }
    report.outputs[0].minWeight = 1e300
    report.case.file = "we\"ird\\päth/\u{1}\u{8}\t\n\u{7f}\u{2028}.yaml"
    report.fired = []
    report.askNext = []
    report.wouldFire = ["x/y", ""]
    try expectSame(report, "edges")
  }
}
