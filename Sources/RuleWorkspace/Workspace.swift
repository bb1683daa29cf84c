import Foundation
public import RuleCompiler
public import RuleDiagnostics
public import RuleEngine
public import RuleSyntax

/// A file that could not be read at all (not there, a folder, unreadable, not text).
public struct ReadError: Error, CustomStringConvertible {
  /// The file or folder.
  public var path: String
  /// What is wrong, lowercase, no final period.
  public var reason: String

  public init(path: String, reason: String) {
    self.path = path
    self.reason = reason
  }

  /// One line: `path: error: reason`.
  public var description: String { "\(path): error: \(reason)" }

  /// The same problem as a diagnostic at the start of the file.
  public var diagnostic: Diagnostic {
    Diagnostic(.error, code: "file-unreadable", reason, at: SourceLocation(file: path, line: 1, column: 1),
      hint: "check the path, and that the file is a UTF-8 YAML text file")
  }
}

/// File IO at the edge of the pipeline, for the CLI and the tools: reading files, finding a pack's files, loading and compiling packs.
public enum Workspace {
  static let fileManager = FileManager.default

  /// Reads a text file; a missing file, a folder, binary data or invalid UTF-8 is a `ReadError`.
  public static func read(_ path: String) throws -> SourceFile {
    var isDirectory: ObjCBool = false
    guard fileManager.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw ReadError(path: path, reason: "no such file")
    }
    if isDirectory.boolValue {
      throw ReadError(path: path, reason: "is a folder, expected a YAML file")
    }
    guard let data = fileManager.contents(atPath: path) else {
      throw ReadError(path: path, reason: "cannot read the file")
    }
    if data.contains(0) {
      throw ReadError(path: path, reason: "the file holds binary data, not YAML text")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw ReadError(path: path, reason: "the file is not valid UTF-8 text")
    }
    return SourceFile(path: path, text: text)
  }

  /// The `*.yaml` files of a folder, recursively, sorted; optionally skipping `tests/`.
  public static func yamlFiles(in directory: String, skipTests: Bool = true) throws -> [String] {
    var isDirectory: ObjCBool = false
    guard fileManager.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
      throw ReadError(path: directory, reason: "no such pack folder")
    }
    guard let enumerator = fileManager.enumerator(atPath: directory) else {
      throw ReadError(path: directory, reason: "cannot list the folder")
    }
    var paths: [String] = []
    while let relative = enumerator.nextObject() as? String {
      if skipTests && Self.isOutsidePackFiles(relative) { continue }
      if relative.hasSuffix(".yaml") || relative.hasSuffix(".yml") {
        paths.append(join(directory, relative))
      }
    }
    return paths.sorted()
  }

  /// Whether a path inside a pack folder belongs to the pack's tests or sample cases (`tests/`,
  /// `cases/`) rather than to the pack itself.
  static func isOutsidePackFiles(_ relative: String) -> Bool {
    for folder in ["tests", "cases"] where relative == folder || relative.hasPrefix(folder + "/") {
      return true
    }
    return false
  }

  public static func join(_ a: String, _ b: String) -> String {
    if a.isEmpty || a == "." { return b }
    return a.hasSuffix("/") ? a + b : a + "/" + b
  }

  public static func normalize(_ path: String) -> String {
    var parts: [String] = []
    for part in path.split(separator: "/", omittingEmptySubsequences: true) {
      if part == "." { continue }
      if part == "..", let last = parts.last, last != ".." {
        parts.removeLast()
        continue
      }
      parts.append(String(part))
    }
    let joined = parts.joined(separator: "/")
    return path.hasPrefix("/") ? "/" + joined : (joined.isEmpty ? "." : joined)
  }

  static func lastComponent(of path: String) -> String {
    path.split(separator: "/").last.map(String.init) ?? path
  }

  public static func parent(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    let parent = String(path[..<slash])
    return parent.isEmpty ? "/" : parent
  }

  public static func isDirectory(_ path: String) -> Bool {
    var isDirectory: ObjCBool = false
    return fileManager.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
  }
}

/// A loaded and compiled pack, with every file read for printing diagnostics.
public struct LoadedPack: Sendable {
  public var directory: String
  public var syntax: PackSyntax
  public var program: Program?
  public var diagnostics: [Diagnostic]
  public var sources: [String: SourceFile]
}

extension Workspace {
  /// Loads the pack at `directory` (or the bundled default pack when `directory` is nil and no
  /// `rules/ipt-core` folder is here), with every pack it extends, and compiles it.
  public static func loadPack(_ directory: String?) throws -> LoadedPack {
    if directory == nil && !isDirectory(defaultPack) {
      return loadBundled()
    }
    let root = normalize(directory ?? defaultPack)
    var diagnostics: [Diagnostic] = []
    var sources: [String: SourceFile] = [:]
    var visited: Set<String> = []
    var base: [PackSyntax] = []
    func load(_ dir: String, via: Located<String>?) throws -> PackSyntax? {
      if visited.contains(dir) {
        if let via {
          diagnostics.append(CheckCatalogue.extendsCycle(lastComponent(of: dir), at: via.location))
        }
        return nil
      }
      visited.insert(dir)
      guard isDirectory(dir) else {
        if let via {
          diagnostics.append(CheckCatalogue.extendsNotFound(via.value, at: via.location))
          return nil
        }
        throw ReadError(path: dir, reason: "no such pack folder")
      }
      var files: [SourceFile] = []
      for path in try yamlFiles(in: dir) {
        do {
          let file = try read(path)
          files.append(file)
          sources[path] = file
        } catch let error as ReadError {
          diagnostics.append(error.diagnostic)
        }
      }
      let (syntax, loadDiagnostics) = Loader.loadPack(directory: dir, files: files)
      diagnostics += loadDiagnostics
      for extended in syntax.manifest?.extends ?? [] {
        if let p = try load(normalize(join(dir, extended.value)), via: extended) { base.append(p) }
      }
      return syntax
    }
    guard let syntax = try load(root, via: nil) else {
      throw ReadError(path: root, reason: "cannot load the pack")
    }
    return assemble(directory: root, syntax: syntax, base: base, diagnostics: diagnostics, sources: sources)
  }

  /// Checks and compiles loaded pack syntax. It compiles even after load errors, so that one run
  /// reports every problem it can; the program is kept only when there is no error at all.
  public static func assemble(
    directory: String, syntax: PackSyntax, base: [PackSyntax] = [], diagnostics: [Diagnostic],
    sources: [String: SourceFile]
  ) -> LoadedPack {
    let compiled = Compiler.compile(syntax, extending: base)
    let all = (diagnostics + compiled.diagnostics).normalized()
    return LoadedPack(
      directory: directory, syntax: syntax, program: all.hasErrors ? nil : compiled.value, diagnostics: all,
      sources: sources)
  }

  public static let defaultPack = "rules/ipt-core"

  public static func loadBundled() -> LoadedPack {
    let files = bundledFiles
    let (syntax, diagnostics) = Loader.loadPack(directory: defaultPack, files: files)
    return assemble(
      directory: defaultPack, syntax: syntax, diagnostics: diagnostics,
      sources: Dictionary(files.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a }))
  }
}

extension Workspace {
  /// Reads and checks one case file against a program.
  public static func loadCase(_ path: String, with compiler: CaseCompiler) -> (CaseFacts?, [Diagnostic], SourceFile?) {
    let file: SourceFile
    do {
      file = try read(path)
    } catch {
      let problem = (error as? ReadError) ?? ReadError(path: path, reason: "\(error)")
      return (nil, [problem.diagnostic], nil)
    }
    let (syntax, diagnostics) = Loader.loadCase(file)
    guard let syntax, !diagnostics.hasErrors else { return (nil, diagnostics.normalized(), file) }
    let facts = compiler.compile(syntax)
    return (facts.value, (diagnostics + facts.diagnostics).normalized(), file)
  }
}

extension Workspace {
  /// The default pack as compiled into the binary (paths relative to the repository root).
  public static var bundledFiles: [SourceFile] {
    BundledPack.files.map { SourceFile(path: $0.path, text: $0.text) }
  }
}
