import Foundation
import TestSupport

/// The diagnostic codes written in the sources: every string literal in the expression after a
/// `code:` label (`code: "unknown-key"`, `code: isConstant ? "unknown-constant" : "unknown-finding"`).
enum SourceCodes {
  /// The source folders whose diagnostics this test target can trigger: loading, checking and
  /// the workspace. Formulation checks (`Formulation*.swift`) are exercised by
  /// FormulationCheckTests, pack tests (`RuleTester`) by PackTests.
  static let reachableFromThisTarget = ["RuleDiagnostics", "RuleSyntax", "RuleCompiler", "RuleWorkspace"]
  static func exercisedElsewhere(_ fileName: String) -> Bool { fileName.hasPrefix("Formulation") }

  struct Occurrence: Hashable {
    var code: String
    var file: String
  }

  /// Every code literal in `Sources/` (or in the given module folders), with the file it is in.
  static func occurrences(in modules: [String]? = nil) throws -> [Occurrence] {
    let sources = TestSupport.path("Sources")
    guard let enumerator = FileManager.default.enumerator(atPath: sources) else {
      throw SourceError(description: "cannot list \(sources)")
    }
    var found: [Occurrence] = []
    while let relative = enumerator.nextObject() as? String {
      guard relative.hasSuffix(".swift") else { continue }
      let module = relative.split(separator: "/").first.map(String.init) ?? ""
      if let modules, !modules.contains(module) { continue }
      let text = try String(contentsOfFile: "\(sources)/\(relative)", encoding: .utf8)
      for code in codes(inSource: text) { found.append(Occurrence(code: code, file: relative)) }
    }
    return found.sorted { ($0.code, $0.file) < ($1.code, $1.file) }
  }

  /// The codes of the given module folders, leaving out files exercised by other test targets.
  static func codes(in modules: [String]) throws -> Set<String> {
    let occurrences = try occurrences(in: modules).filter { occurrence in
      !exercisedElsewhere(occurrence.file.split(separator: "/").last.map(String.init) ?? "")
    }
    return Set(occurrences.map(\.code))
  }

  /// The files of the given module folders that call `function(` (its declaration aside).
  static func calls(of function: String, in modules: [String]) throws -> [String] {
    let sources = TestSupport.path("Sources")
    guard let enumerator = FileManager.default.enumerator(atPath: sources) else {
      throw SourceError(description: "cannot list \(sources)")
    }
    var files: [String] = []
    while let relative = enumerator.nextObject() as? String {
      guard relative.hasSuffix(".swift"),
        modules.contains(relative.split(separator: "/").first.map(String.init) ?? "")
      else { continue }
      let text = try String(contentsOfFile: "\(sources)/\(relative)", encoding: .utf8)
      let uses = text.components(separatedBy: "\(function)(").count - 1
      let declarations = text.components(separatedBy: "func \(function)(").count - 1
      if uses > declarations { files.append(relative) }
    }
    return files.sorted()
  }

  /// The code literals of one Swift source text.
  static func codes(inSource text: String) -> [String] {
    let scalars = Array(text.unicodeScalars)
    let label = Array("code:".unicodeScalars)
    var result: [String] = []
    var i = 0
    while i + label.count <= scalars.count {
      guard Array(scalars[i..<(i + label.count)]) == label,
        i == 0 || !isNameCharacter(scalars[i - 1])
      else {
        i += 1
        continue
      }
      i += label.count
      // The argument runs to the first ',' or ')' or line break outside a string literal.
      var literal: String.UnicodeScalarView?
      while i < scalars.count {
        let c = scalars[i]
        if var current = literal {
          if c == "\"" {
            let word = String(current)
            if isCode(word) { result.append(word) }
            literal = nil
          } else {
            current.append(c)
            literal = current
          }
        } else if c == "\"" {
          literal = String.UnicodeScalarView()
        } else if c == "," || c == ")" || c == "\n" {
          break
        }
        i += 1
      }
    }
    return result
  }

  static func isNameCharacter(_ c: Unicode.Scalar) -> Bool {
    c.properties.isAlphabetic || c == "_" || ("0"..."9").contains(c)
  }

  /// A kebab-case code: lowercase letters, digits and single dashes.
  static func isCode(_ word: String) -> Bool {
    guard let first = word.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
    return word.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
      && !word.hasSuffix("-") && !word.contains("--")
  }

  struct SourceError: Error, CustomStringConvertible {
    var description: String
  }
}
