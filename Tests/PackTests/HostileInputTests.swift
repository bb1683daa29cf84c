import Advisor
import Foundation
import RuleDiagnostics
import RuleEngine
import RuleRender
import RuleTester
import RuleWorkspace
import TestSupport
import Testing

/// Issue 15: bad and hostile input never passes as a valid answer (library level). Each test
/// names the item of the issue it covers; each failed before the fix.
@Suite("Hostile input to the front door")
struct HostileInputLibraryTests {
  static let c01 = "rules/ipt-core/cases/c01-grief-recent-death.yaml"

  static func codes(_ diagnostics: [Diagnostic]) -> [String] {
    diagnostics.filter { $0.severity == .error }.map(\.code.rawValue)
  }

  // MARK: Item 5: extends

  @Test("item 5: 'extends' naming a folder without pack.yaml is an error, and nothing is scanned")
  func extendsWithoutManifest() throws {
    let scratch = try Scratch("extends-root")
    let pack = try scratch.copy("rules/ipt-core", to: "pack")
    let up = Array(repeating: "..", count: pack.split(separator: "/").count + 2)
      .joined(separator: "/")
    let manifest = try String(contentsOfFile: "\(pack)/pack.yaml", encoding: .utf8)
    try scratch.write(
      "pack/pack.yaml", manifest.replacingOccurrences(of: "extends: []", with: "extends: [\(up)]"))
    let load = Advisor.load(.disk(pack))
    #expect(load.advisor == nil)
    let found = try #require(load.diagnostics.first { $0.code == .extendsNotFound })
    #expect(found.message == "'\(up)' is a folder but not a pack (it has no 'pack.yaml')")
    #expect(found.location.file == "\(pack)/pack.yaml")
    // Only the pack's own files were read: no file of the folder named by 'extends'.
    #expect(load.sources.keys.allSatisfy { $0.hasPrefix(pack + "/") })
  }

  // MARK: Item 6: pack test case paths

  @Test("item 6: a pack test's case outside the pack folder is refused, and never echoed")
  func testCaseOutsidePack() throws {
    let scratch = try Scratch("test-case-outside")
    let pack = try scratch.copy("rules/ipt-core", to: "pack")
    try scratch.write("secret.yaml", "case: secret\nfindings:\n  hunter2_password: 1\n")
    try scratch.link("pack/cases/linked.yaml", to: scratch.at("secret.yaml"))
    try scratch.write(
      "pack/tests/evil.yaml",
      """
      tests:
        - name: reads a file outside
          case: ../../secret.yaml
          expect: {picked: {focus: [grief]}}
        - name: reads a system file
          case: ../../../../../../../../etc/passwd
          expect: {picked: {focus: [grief]}}
        - name: follows a link out
          case: ../cases/linked.yaml
          expect: {picked: {focus: [grief]}}

      """)
    let advisor = try #require(Advisor.load(.disk(pack)).advisor)
    let run = advisor.runTests(files: ["\(pack)/tests/evil.yaml"])
    let refusals = run.diagnostics.filter { $0.code == .invalidTestCase }
    #expect(refusals.filter { $0.message.contains("names a case outside the folder") }.count == 2)
    #expect(refusals.count == 3, "the linked case cannot be evaluated either")
    #expect(
      run.diagnostics.contains {
        $0.code == .fileUnreadable && $0.location.file.hasSuffix("cases/linked.yaml")
          && $0.message.contains("links to a place outside")
      })
    let printed = DiagnosticFormatter().format(run.diagnostics, sources: advisor.sources)
    #expect(!printed.contains("hunter2"))
    #expect(!printed.contains("root:"))
    #expect(run.notRun == 3)
  }

  // MARK: Item 7: list lengths

  @Test("item 7: a list longer than the limit is a located too-large error at the first item over")
  func longList() throws {
    let advisor = try TestSupport.core()
    var text = "case: many\nfindings:\n  life_events:\n"
    for _ in 0..<1_001 { text += "    - {kind: move, who: self, months_ago: 3}\n" }
    let (facts, diagnostics) = TestSupport.facts(text, advisor: advisor)
    #expect(facts == nil)
    let found = try #require(diagnostics.first)
    #expect(found.code == .tooLarge)
    #expect(
      found.message
        == "'life_events' has 1001 items, more than the limit of 1000; this is item 1001")
    #expect(found.location.line == 1_004)
    #expect(found.location.column == 7)
  }

  @Test(
    "item 7: 10^5 list items are refused where the count passes the limit, without composing the rest"
  )
  func hugeList() throws {
    let advisor = try TestSupport.core()
    var text = "case: many\nfindings:\n  life_events:\n"
    for _ in 0..<100_000 { text += "    - {kind: move, who: self, months_ago: 3}\n" }
    let (_, diagnostics) = TestSupport.facts(text, advisor: advisor)
    let found = try #require(diagnostics.first)
    #expect(found.code == .tooLarge)
    #expect(found.message.contains("more than 200000 values"))
    #expect(!found.message.contains("alias"), "no alias in the file, so none blamed")
    #expect(found.location.line > 3 && found.location.line < 100_003)
  }

  // MARK: Item 8: dates

  @Test(
    "item 8: an invalid case date is a located invalid-date error",
    arguments: ["2026-13-45", "banana", "2026-02-30", "+026-01-01", "2026-1-1"])
  func invalidCaseDate(_ date: String) throws {
    let advisor = try TestSupport.core()
    let (facts, diagnostics) = TestSupport.facts(
      "case: d\ndate: \(date)\nfindings:\n  age: 30\n", advisor: advisor)
    #expect(facts == nil)
    #expect(diagnostics.map(\.code) == [.invalidDate])
    #expect(diagnostics.first?.location == SourceLocation(file: "case.yaml", line: 2, column: 7))
  }

  @Test(
    "item 8: full, month and year dates are still accepted",
    arguments: ["2026-03-02", "2026-03", "2026"])
  func validCaseDate(_ date: String) throws {
    let advisor = try TestSupport.core()
    let (facts, diagnostics) = TestSupport.facts(
      "case: d\ndate: \(date)\nfindings:\n  age: 30\n", advisor: advisor)
    #expect(facts != nil, "\(diagnostics)")
  }

  // MARK: Item 9: repeated case ids

  @Test("item 9: two case files with one case id are an error, and neither is judged")
  func duplicateCaseIDs() throws {
    let advisor = try TestSupport.core()
    let first = try TestSupport.read(Self.c01)
    let second = try TestSupport.read("rules/ipt-core/cases/c09-suicidal-grief.yaml")
    let renamed = SourceFile(
      path: second.path,
      text: second.text.replacingOccurrences(
        of: "case: c09-suicidal-grief", with: "case: c01-grief-recent-death"))
    let formulation = try TestSupport.read("formulations/f01-agree.yaml")
    let run = advisor.check(cases: [first, renamed], formulations: [formulation])
    #expect(run.invalid)
    #expect(run.reports.isEmpty)
    let found = try #require(run.diagnostics.first { $0.code == .duplicateName })
    #expect(found.location == SourceLocation(file: second.path, line: 1, column: 7))
    #expect(found.notes.first?.location == SourceLocation(file: first.path, line: 1, column: 7))
    #expect(found.severity == .error)
  }

  // MARK: Item 10: encodings

  @Test("item 10: a Latin-1 byte is located at its line and column")
  func latin1() throws {
    var bytes = Array("case: x\nnotes: caf".utf8)
    bytes.append(0xE9)
    bytes += Array(" au lait\n".utf8)
    let error = #expect(throws: ReadError.self) { try Workspace.decode(bytes, path: "c.yaml") }
    #expect(error?.code == .notUtf8)
    #expect(error?.line == 2)
    #expect(error?.column == 11)
    #expect(error?.description == "c.yaml:2:11: error: the file is not valid UTF-8: byte 0xE9 here")
  }

  @Test("item 10: UTF-16 is named UTF-16, with or without a byte-order mark")
  func utf16() throws {
    let text = "case: x\n"
    let little: [UInt8] = text.utf16.flatMap { unit -> [UInt8] in
      [UInt8(unit & 0xFF), UInt8(unit >> 8)]
    }
    let withMark: [UInt8] = [0xFF, 0xFE] + little
    let bigEndian: [UInt8] = text.utf16.flatMap { unit -> [UInt8] in
      [UInt8(unit >> 8), UInt8(unit & 0xFF)]
    }
    for (bytes, endian) in [(withMark, "little-endian"), (bigEndian, "big-endian")] {
      let error = #expect(throws: ReadError.self) { try Workspace.decode(bytes, path: "c.yaml") }
      #expect(error?.reason == "the file is UTF-16 text (\(endian)), not UTF-8")
      #expect(error?.code == .notUtf8)
    }
    #expect(throws: ReadError.self) { try Workspace.decode([0x61, 0, 0x62, 0x63], path: "b") }
  }

  @Test("a UTF-8 byte order mark is dropped: the same case, the same lines and columns")
  func utf8ByteOrderMark() throws {
    let advisor = try TestSupport.core()
    let plain = Array(try TestSupport.read(Self.c01).text.utf8)
    let marked = try Workspace.decode(Workspace.utf8ByteOrderMark + plain, path: Self.c01)
    #expect(marked.text == String(decoding: plain, as: UTF8.self))
    let report = try #require(advisor.evaluate(marked).value?.report)
    let expected = try #require(advisor.evaluate(try TestSupport.read(Self.c01)).value?.report)
    #expect(JSONText.encode(report) == JSONText.encode(expected))

    // A problem after the mark is located where an editor shows it.
    let bad = Workspace.utf8ByteOrderMark + Array("case: x\nfindings:\n  age: 'old'\n".utf8)
    let facts = advisor.facts(try Workspace.decode(bad, path: "c.yaml"))
    let error = try #require(facts.diagnostics.first { $0.severity == .error })
    #expect(error.code == .typeMismatch)
    #expect(error.location.line == 3)
    #expect(error.location.column == 8)
  }

  @Test("a pack whose files open with a UTF-8 byte order mark loads as without it")
  func packByteOrderMark() throws {
    let scratch = try Scratch("bom-pack")
    let pack = try scratch.copy("rules/ipt-core", to: "pack")
    for name in ["pack.yaml", "vocabulary.yaml"] {
      let path = "\(pack)/\(name)"
      let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
      try (Data(Workspace.utf8ByteOrderMark) + bytes).write(to: URL(fileURLWithPath: path))
    }
    let load = Advisor.load(.disk(pack))
    let advisor = try #require(load.advisor, "\(load.diagnostics.map(\.message))")
    #expect(advisor.program.rules.count == (try TestSupport.corePack().rules.count))
  }

  // MARK: Item 12: colour

  @Test(
    "item 12: colour only on a terminal, off for a non-empty NO_COLOR and for TERM=dumb",
    arguments: [
      ([:], true, true), ([:], false, false), (["NO_COLOR": ""], true, true),
      (["NO_COLOR": "1"], true, false), (["TERM": "dumb"], true, false),
      (["TERM": "xterm-256color"], true, true),
    ] as [([String: String], Bool, Bool)])
  func colour(_ environment: [String: String], _ terminal: Bool, _ expected: Bool) {
    #expect(TerminalColour.enabled(environment: environment, isTerminal: terminal) == expected)
  }

  // MARK: Item 15: long lines

  @Test("item 15: an error on a 10 MB one-line scalar prints a clipped line and message")
  func longLineClipped() throws {
    let advisor = try TestSupport.core()
    let text = "case: big\nfindings:\n  age: " + String(repeating: "x", count: 10_000_000) + "\n"
    let (_, diagnostics) = TestSupport.facts(text, advisor: advisor)
    let file = SourceFile(path: "case.yaml", text: text)
    let printed = DiagnosticFormatter().format(diagnostics, sources: ["case.yaml": file])
    #expect(diagnostics.map(\.code) == [.typeMismatch])
    #expect(diagnostics.first?.message.count ?? 0 > 10_000_000, "the message holds the value")
    #expect(printed.count < 2_000, "printed \(printed.count) characters")
    #expect(printed.contains("..."))
  }

  @Test("item 15: the caret still points at the column inside a clipped line")
  func caretInClippedLine() throws {
    let line = String(repeating: "a", count: 500) + "B" + String(repeating: "c", count: 500)
    let file = SourceFile(path: "f.yaml", text: line + "\n")
    let diagnostic = Diagnostic(
      .error, code: .yamlSyntax, "here", at: SourceLocation(file: "f.yaml", line: 1, column: 501))
    let lines = DiagnosticFormatter().format(diagnostic, source: file).split(separator: "\n")
    let shown = Array(lines[1].unicodeScalars)
    let caret = try #require(lines[2].firstIndex(of: "^"))
    let offset = lines[2].distance(from: lines[2].startIndex, to: caret)
    #expect(shown.count < 200)
    #expect(offset >= 0 && offset < shown.count && shown[offset] == "B")
  }
}
