import Foundation
import TestSupport
import Testing

/// The module graph is the architecture: `docs/architecture.md` states it and `Package.swift`
/// builds it; the two must agree, and the command-line tool goes through the front door only.
@Suite("Module graph")
struct ModuleGraphTests {
  /// Each source target of `Package.swift` with its dependencies (targets and products).
  static func manifestGraph() throws -> [String: Set<String>] {
    let text = try String(contentsOfFile: TestSupport.path("Package.swift"), encoding: .utf8)
    var graph: [String: Set<String>] = [:]
    let targetPattern = try Regex(#"\.(target|executableTarget)\(\s*name:\s*"([^"]+)""#)
    for match in text.matches(of: targetPattern) {
      guard let name = match.output[2].substring.map(String.init) else { continue }
      // The target's arguments run to the next target declaration.
      let rest = text[match.range.upperBound...]
      let end =
        rest.firstRange(of: try Regex(#"\.(target|executableTarget|testTarget|plugin)\("#))?
        .lowerBound
        ?? rest.endIndex
      let arguments = rest[..<end]
      var dependencies: Set<String> = []
      if let list = arguments.firstRange(of: "dependencies:") {
        let afterLabel = arguments[list.upperBound...]
        if let open = afterLabel.firstIndex(of: "["), let close = afterLabel.firstIndex(of: "]") {
          let body = afterLabel[afterLabel.index(after: open)..<close]
          for product in body.matches(of: try Regex(#"\.product\(\s*name:\s*"([^"]+)""#)) {
            if let dependency = product.output[1].substring {
              dependencies.insert(String(dependency))
            }
          }
          let withoutProducts = body.replacing(try Regex(#"\.product\([^)]*\)"#), with: "")
          for plain in withoutProducts.matches(of: try Regex(#""([^"]+)""#)) {
            if let dependency = plain.output[1].substring {
              dependencies.insert(String(dependency))
            }
          }
        }
      }
      graph[name] = dependencies
    }
    return graph
  }

  /// The "module | stage | depends on" table of docs/architecture.md.
  static func documentedGraph() throws -> [String: Set<String>] {
    let text = try String(contentsOfFile: TestSupport.path("docs/architecture.md"), encoding: .utf8)
    var graph: [String: Set<String>] = [:]
    var inTable = false
    for line in text.split(separator: "\n").map(String.init) {
      if line.hasPrefix("| module | stage | depends on |") {
        inTable = true
        continue
      }
      guard inTable else { continue }
      guard line.hasPrefix("|") else { break }
      let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
      guard cells.count == 3, cells[0].hasPrefix("`") else { continue }
      let name = cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`"))
      let dependencies =
        cells[2] == "(nothing)"
        ? []
        : cells[2].split(separator: ",").map {
          $0.trimmingCharacters(in: CharacterSet(charactersIn: " `"))
        }
      graph[name] = Set(dependencies)
    }
    return graph
  }

  @Test("docs/architecture.md states the module graph that Package.swift builds")
  func documentedGraphMatchesManifest() throws {
    let manifest = try Self.manifestGraph()
    let documented = try Self.documentedGraph()
    #expect(
      manifest.count >= 10, "the manifest scan found too few targets: \(manifest.keys.sorted())")
    // Test support is not part of the product's architecture.
    let product = manifest.filter { $0.key != "TestSupport" }
    #expect(Set(product.keys) == Set(documented.keys))
    for (name, dependencies) in product.sorted(by: { $0.key < $1.key }) {
      #expect(
        documented[name] == dependencies, "\(name): Package.swift has \(dependencies.sorted())")
    }
  }

  @Test("dependencies point one way: the runtime knows nothing of the front end")
  func layering() throws {
    let graph = try Self.manifestGraph()
    #expect(graph["RuleEngine"] == ["RuleDiagnostics"])
    #expect(graph["RuleRender"]?.contains("RuleSyntax") == false)
    #expect(graph["RuleRender"]?.contains("RuleTester") == false)
    #expect(graph["RuleSyntax"]?.contains("RuleEngine") == false)
  }

  @Test("no command of the CLI imports the loader or the compiler")
  func cliGoesThroughTheFrontDoor() throws {
    let folder = TestSupport.path("Sources/ipt")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter {
      $0.hasSuffix(".swift")
    }
    #expect(files.count >= 5)
    for file in files {
      let text = try String(contentsOfFile: "\(folder)/\(file)", encoding: .utf8)
      #expect(
        !text.contains("import RuleSyntax") && !text.contains("import RuleCompiler"), "\(file)")
    }
    #expect(
      try Self.manifestGraph()["ipt"]?.isDisjoint(with: ["RuleSyntax", "RuleCompiler"]) == true)
  }
}
