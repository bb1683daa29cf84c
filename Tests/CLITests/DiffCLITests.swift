import Foundation
import TestSupport
import Testing

/// `ipt diff` as a trainer runs it: exit codes for no change, a change with --fail-on-change, a
/// missing option and a pack that is not there.
@Suite("ipt diff")
struct DiffCLITests {
  static func ipt(_ arguments: [String]) throws -> CLITests.Run { try CLITests.ipt(arguments) }

  @Test func diffExitCodes() throws {
    let scratch = try Scratch("diff-cli")
    let copy = scratch.at("pack")
    try FileManager.default.copyItem(atPath: TestSupport.path("rules/ipt-core"), toPath: copy)
    let same = try Self.ipt([
      "diff", "rules/ipt-core", copy, "--cases", "rules/ipt-core/cases", "--fail-on-change",
    ])
    #expect(same.status == 0, "\(same.stderr)")
    #expect(same.stdout.contains("0 of 47 cases changed"))
    let grief = copy + "/rules/grief.yaml"
    let text = try String(contentsOfFile: grief, encoding: .utf8)
    try text.replacing(
      "suggest: {focus: grief}\n      weight: 3", with: "suggest: {focus: grief}\n      weight: 1"
    )
    .write(toFile: grief, atomically: true, encoding: .utf8)
    let changed = try Self.ipt([
      "diff", "rules/ipt-core", copy, "--cases", "rules/ipt-core/cases", "--fail-on-change",
      "--format", "json",
    ])
    #expect(changed.status == 1)
    #expect(changed.stdout.contains("\"rule\" : \"grief.significant-death\""))
    #expect(try Self.ipt(["diff", "rules/ipt-core", copy]).status == 64)
    let missing = try Self.ipt([
      "diff", "rules/ipt-core", scratch.at("none"), "--cases", "rules/ipt-core/cases",
    ])
    #expect(missing.status == 2)
  }
}

/// `ipt test --coverage --min-coverage N`.
@Suite("ipt test --coverage")
struct CoverageCLITests {
  @Test func minCoverageFailsBelowTheFigure() throws {
    let low = try CLITests.ipt(["test", "rules/ipt-core", "--coverage", "--min-coverage", "50"])
    #expect(low.status == 0, "\(low.stderr)")
    #expect(low.stdout.contains("Conditions shown to decide their rule on their own (MC/DC): "))
    let high = try CLITests.ipt(["test", "rules/ipt-core", "--coverage", "--min-coverage", "100"])
    #expect(high.status == 1)
    #expect(high.stderr.contains("below the 100% asked for"))
    let json = try CLITests.ipt(["test", "rules/ipt-core", "--coverage", "--format", "json"])
    #expect(json.stdout.contains("\"schema\" : \"ipt-advisor/coverage/1\""))
    #expect(try CLITests.ipt(["test", "--min-coverage", "120"]).status == 64)
  }
}

/// `ipt evaluate --format jsonl --jobs N`: the same bytes in the same order, whatever N.
@Suite("ipt evaluate --jobs")
struct JobsCLITests {
  @Test func outputDoesNotDependOnJobs() throws {
    let one = try CLITests.ipt([
      "evaluate", "--format", "jsonl", "--jobs", "1", "rules/ipt-core/cases", "validation/cases",
    ])
    let four = try CLITests.ipt([
      "evaluate", "--format", "jsonl", "--jobs", "4", "rules/ipt-core/cases", "validation/cases",
    ])
    #expect(one.status == 0 && four.status == 0)
    #expect(one.stdout == four.stdout)
    #expect(one.stdout.split(separator: "\n").count > 80)
    let bad = try CLITests.ipt([
      "evaluate", "--format", "jsonl", "--jobs", "0", "rules/ipt-core/cases",
    ])
    #expect(bad.status == 64)
    let scratch = try Scratch("jobs-missing")
    let missing = try CLITests.ipt([
      "evaluate", "--format", "jsonl", "--jobs", "2",
      "rules/ipt-core/cases/c01-grief-recent-death.yaml",
      scratch.at("none.yaml"),
    ])
    #expect(missing.status == 2)
    #expect(missing.stdout.split(separator: "\n").count == 1)
    #expect(missing.stderr.contains("none.yaml"))
  }

  @Test func filesFromReadsTheListAsTheBatchGoes() throws {
    let folder = try FileManager.default.contentsOfDirectory(
      atPath: TestSupport.path("rules/ipt-core/cases")
    ).filter { $0.hasSuffix(".yaml") }.sorted().map { "rules/ipt-core/cases/" + $0 }
    let direct = try CLITests.ipt(["evaluate", "--format", "jsonl", "rules/ipt-core/cases"])
    // Blank lines and CR LF line ends are allowed in the list.
    let list = folder.joined(separator: "\r\n") + "\n\n"
    let piped = try CLITests.ipt(
      ["evaluate", "--format", "jsonl", "--jobs", "2", "--files-from", "-"], input: list)
    #expect(piped.status == 0)
    #expect(piped.stdout == direct.stdout)
    #expect(piped.stderr.contains("\(folder.count) of \(folder.count) cases evaluated"))
    let scratch = try Scratch("files-from")
    let file = try scratch.write("list.txt", folder.prefix(2).joined(separator: "\n"))
    let text = try CLITests.ipt(["evaluate", "--files-from", file])
    #expect(text.status == 0)
    #expect(text.stderr.contains("2 of 2 cases evaluated"))
    let absent = try CLITests.ipt(["evaluate", "--files-from", scratch.at("absent.txt")])
    #expect(absent.status == 2)
    #expect(absent.stderr.contains("cannot open the list of case files"))
    let listed = try scratch.write("bad.txt", "rules/ipt-core/cases/none.yaml\n")
    let missing = try CLITests.ipt(["evaluate", "--format", "jsonl", "--files-from", listed])
    #expect(missing.status == 2)
    #expect(missing.stderr.contains("none.yaml"))
    #expect(try CLITests.ipt(["evaluate"]).status == 64)
    #expect(try CLITests.ipt(["evaluate", "--files-from", "-", "-"], input: "").status == 64)
  }
}
