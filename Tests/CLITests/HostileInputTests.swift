import Foundation
import TestSupport
import Testing

/// Issue 15: bad and hostile input never passes as a valid answer. Each test names the item of the
/// issue it covers; each failed before the fix.
@Suite("Hostile input at the command line")
struct HostileInputTests {
  static let c09 = "rules/ipt-core/cases/c09-suicidal-grief.yaml"

  static func ipt(_ arguments: [String], input: String? = nil) throws -> CLITests.Run {
    try CLITests.ipt(arguments, input: input)
  }

  /// A copy of the default pack in a scratch folder.
  static func packCopy(_ scratch: Scratch, at relative: String = "pack") throws -> String {
    try scratch.copy("rules/ipt-core", to: relative)
  }

  // MARK: Item 1: packs that are links, unreadable or empty

  @Test("item 1: a pack whose rules folder links outside the pack is an error, not an empty pack")
  func rulesFolderLinkedOutside() throws {
    let scratch = try Scratch("rules-link")
    let pack = try Self.packCopy(scratch)
    try FileManager.default.moveItem(atPath: "\(pack)/rules", toPath: scratch.at("elsewhere"))
    try scratch.link("pack/rules", to: scratch.at("elsewhere"))
    let run = try Self.ipt(["evaluate", "--pack", pack, Self.c09])
    #expect(run.status == 2)
    #expect(!run.stdout.contains("No alert"))
    #expect(
      run.stderr.contains(
        "pack/rules:1:1: error: [file-unreadable] the folder links to a place outside"))
    #expect(run.stderr.contains("[no-rules] the pack has no rules"))
  }

  @Test("item 1: a pack folder given as a link loads every rule through the link")
  func packFolderAsLink() throws {
    let scratch = try Scratch("pack-link")
    let pack = try Self.packCopy(scratch)
    let link = try scratch.link("linked", to: pack)
    let direct = try Self.ipt(["lint", pack])
    let linked = try Self.ipt(["lint", link])
    #expect(linked.status == 0, "\(linked.stderr)")
    let count = { (s: String) in s.split(separator: "(").last.map(String.init) }
    #expect(count(linked.stderr) == count(direct.stderr))
    #expect(!linked.stderr.contains("(0 rules)"))
    let evaluated = try Self.ipt(["evaluate", "--pack", link, Self.c09])
    #expect(evaluated.status == 0)
    #expect(evaluated.stdout.contains("CRITICAL") || evaluated.stdout.contains("critical"))
  }

  @Test("item 1: a rules file linked to a file outside the pack is an error, not followed")
  func rulesFileLinkedOutside() throws {
    let scratch = try Scratch("file-link")
    let pack = try Self.packCopy(scratch)
    try scratch.write("outside.yaml", "rules: []\n")
    try scratch.link("pack/rules/outside.yaml", to: scratch.at("outside.yaml"))
    let run = try Self.ipt(["lint", pack])
    #expect(run.status == 1)
    #expect(
      run.stderr.contains(
        "outside.yaml:1:1: error: [file-unreadable] the file links to a place outside"))
  }

  @Test("item 1: pack.yaml linked to a file outside the pack is not read")
  func manifestLinkedOutside() throws {
    let scratch = try Scratch("manifest-link")
    let pack = try Self.packCopy(scratch)
    try FileManager.default.moveItem(atPath: "\(pack)/pack.yaml", toPath: scratch.at("secret.yaml"))
    try scratch.link("pack/pack.yaml", to: scratch.at("secret.yaml"))
    let run = try Self.ipt(["evaluate", "--pack", pack, Self.c09])
    #expect(run.status == 2)
    #expect(
      run.stderr.contains(
        "pack.yaml:1:1: error: [file-unreadable] the file links to a place outside"))
  }

  @Test("item 1: a rules file that is a broken link is an error")
  func brokenLink() throws {
    let scratch = try Scratch("broken-link")
    let pack = try Self.packCopy(scratch)
    try scratch.link("pack/rules/gone.yaml", to: scratch.at("nothing-here.yaml"))
    let run = try Self.ipt(["evaluate", "--pack", pack, Self.c09])
    #expect(run.status == 2)
    #expect(
      run.stderr.contains("gone.yaml:1:1: error: [file-unreadable] the file is a link to nothing"))
  }

  @Test("item 1: a pack with no rules is an error (exit 2), never 'No alert fired'")
  func packWithoutRules() throws {
    let scratch = try Scratch("no-rules")
    let pack = try Self.packCopy(scratch)
    try scratch.remove("pack/rules")
    let run = try Self.ipt(["evaluate", "--pack", pack, Self.c09])
    #expect(run.status == 2)
    #expect(run.stdout.isEmpty)
    #expect(run.stderr.contains("pack.yaml:1:1: error: [no-rules]"))
    #expect(try Self.ipt(["lint", pack]).status == 1)
  }

  // MARK: Item 2: case folders

  @Test("item 2: evaluate and validate on a folder without case files say so and exit 2")
  func emptyCaseFolder() throws {
    let scratch = try Scratch("empty-cases")
    let empty = try scratch.folder("cases")
    for command in ["evaluate", "validate"] {
      let run = try Self.ipt([command, empty])
      #expect(run.status == 2, "\(command)")
      #expect(run.stderr == "\(empty): error: no case files in \(empty)\n", "\(command)")
    }
  }

  @Test("item 2: a case folder given as a link is followed")
  func caseFolderAsLink() throws {
    let scratch = try Scratch("case-link")
    try scratch.copy(Self.c09, to: "real/c09.yaml")
    try scratch.copy("rules/ipt-core/cases/c01-grief-recent-death.yaml", to: "real/c01.yaml")
    let link = try scratch.link("linked", to: scratch.at("real"))
    let run = try Self.ipt(["validate", link])
    #expect(run.status == 0)
    #expect(run.stderr == "2 of 2 cases valid\n")
  }

  // MARK: Item 3: empty formulations

  @Test(
    "item 3: an empty or null formulation is named with a located error",
    arguments: ["---\n", "~\n", "null\n", "--- null\n"])
  func nullFormulation(_ text: String) throws {
    let scratch = try Scratch("null-formulation")
    let file = try scratch.write("formulations/f.yaml", text)
    let single = try Self.ipt(["check", Self.c09, "--formulation", file])
    #expect(single.status == 2)
    #expect(
      single.stderr.contains(
        "f.yaml:1:1: error: [wrong-shape] a formulation file must be a mapping"))
    let folder = try Self.ipt(["check", Self.c09, "--formulations", scratch.at("formulations")])
    #expect(folder.status == 2)
    #expect(folder.stderr.contains("f.yaml:1:1: error: [wrong-shape]"))
  }

  // MARK: Item 11: doc -o

  @Test("item 11: doc -o to a path that cannot be written is one line and exit 2")
  func docToBadPath() throws {
    let run = try Self.ipt(["doc", "-o", "/no-such-folder-\(getpid())/pack.md"])
    #expect(run.status == 2)
    #expect(run.stderr.split(separator: "\n").count == 1)
    #expect(run.stderr.contains("error: cannot write the file: no such folder"))
    #expect(!run.stderr.contains("NSCocoaErrorDomain"))
  }

  // MARK: Item 13: standard input

  @Test("item 13: '-' reads a case from standard input")
  func caseFromStandardInput() throws {
    let text = try String(contentsOfFile: TestSupport.path(Self.c09), encoding: .utf8)
    let run = try Self.ipt(["evaluate", "--format", "json", "-"], input: text)
    #expect(run.status == 0, "\(run.stderr)")
    let file = try Self.ipt(["evaluate", "--format", "json", Self.c09])
    #expect(
      run.stdout.replacingOccurrences(of: "<stdin>", with: Self.c09) == file.stdout)
    let invalid = try Self.ipt(["validate", "-"], input: "case: x\nfindings:\n  phq_9: 3\n")
    #expect(invalid.status == 2)
    #expect(invalid.stderr.contains("<stdin>:3:3: error: [unknown-finding]"))
  }

  @Test("item 13: '-' reads a formulation from standard input, and only once")
  func formulationFromStandardInput() throws {
    let text = try String(
      contentsOfFile: TestSupport.path("formulations/f01-agree.yaml"), encoding: .utf8)
    let run = try Self.ipt(
      ["check", "rules/ipt-core/cases/c01-grief-recent-death.yaml", "--formulation", "-"],
      input: text)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("trainee-04"))
    let twice = try Self.ipt(["check", "-", "--formulation", "-"], input: text)
    #expect(twice.status == 2)
    #expect(twice.stderr.contains("standard input ('-') can be read only once"))
  }

  // MARK: Item 14: command typos

  @Test("item 14: a misspelt command is a usage error with the nearest command as a hint")
  func commandTypo() throws {
    let run = try Self.ipt(["evalute", "x.yaml"])
    #expect(run.status == 64)
    #expect(run.stderr.contains("unknown command 'evalute'"))
    #expect(run.stderr.contains("hint: did you mean 'evaluate'?"))
    #expect(try Self.ipt(["vaildate"]).stderr.contains("did you mean 'validate'?"))
  }

  // MARK: Item 7: file size

  @Test("item 7: a file over --max-file-size is a located too-large error, read no further")
  func fileSizeLimit() throws {
    let scratch = try Scratch("size")
    let big = try scratch.write(
      "big.yaml", "case: big\nnotes: \"" + String(repeating: "x", count: 4096) + "\"\n")
    let limited = try Self.ipt(["validate", "--max-file-size", "2K", big])
    #expect(limited.status == 2)
    #expect(limited.stderr.contains("big.yaml: error: the file is larger than 2 KiB, the limit"))
    #expect(try Self.ipt(["validate", "--max-file-size", "8K", big]).status == 0)
    #expect(try Self.ipt(["validate", "--max-file-size", "lots", big]).status == 64)
  }

  @Test("item 7: the default limit is 16 MiB")
  func defaultFileSizeLimit() throws {
    let scratch = try Scratch("size-default")
    var data = Data("case: big\nnotes: |\n".utf8)
    let line = Data(("  " + String(repeating: "x", count: 1021) + "\n").utf8)
    for _ in 0..<(16 * 1024 + 1) { data.append(line) }
    let big = try scratch.write("big.yaml", data)
    let run = try Self.ipt(["validate", big])
    #expect(run.status == 2)
    #expect(run.stderr.contains("error: the file is larger than 16 MiB, the limit"))
  }
}
