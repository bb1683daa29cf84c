public import RuleDiagnostics

/// A pack's folder: its files on disk, or the default pack compiled into the binary. Everything a
/// pack reads (its pack files, its tests and the sample cases its tests name) comes through here,
/// so that the bundled pack behaves exactly like the folder it was built from.
public struct PackFolder: Sendable, Hashable, CustomStringConvertible {
  /// Where the files come from.
  public enum Origin: String, Sendable, Hashable {
    /// Compiled into the binary at build time.
    case bundled
    /// Read from disk.
    case disk
  }

  /// The folder as shown to the user (the path the pack's files are reported under).
  public let directory: String
  /// Where the files come from.
  public let origin: Origin
  /// For the bundled pack: every file by path.
  private let embedded: [String: String]

  /// The folder of the default pack as compiled into the binary.
  public static let bundled = PackFolder(
    directory: defaultDirectory, origin: .bundled,
    embedded: Dictionary(
      BundledPack.files.map { ($0.path, $0.text) }, uniquingKeysWith: { a, _ in a }))

  /// The path the default pack is reported under, and where it lives in the repository.
  public static let defaultDirectory = "rules/ipt-core"

  /// A pack folder on disk.
  public static func disk(_ directory: String) -> PackFolder {
    PackFolder(directory: Workspace.normalize(directory), origin: .disk, embedded: [:])
  }

  private init(directory: String, origin: Origin, embedded: [String: String]) {
    self.directory = directory
    self.origin = origin
    self.embedded = embedded
  }

  /// `rules/ipt-core (bundled)` or the folder's path.
  public var description: String {
    origin == .bundled ? "\(directory) (bundled)" : directory
  }

  /// Whether the folder exists (always true for the bundled pack).
  public var exists: Bool { origin == .bundled || Workspace.isDirectory(directory) }

  /// The pack folder at `path` relative to this one (for `extends`).
  public func relative(_ path: String) -> PackFolder {
    .disk(Workspace.join(directory, path))
  }

  /// Whether a path inside a pack folder belongs to the pack's tests or sample cases (`tests/`,
  /// `cases/`) rather than to the pack itself.
  static func isOutsidePackFiles(_ relative: String) -> Bool {
    for folder in ["tests", "cases"] where relative == folder || relative.hasPrefix(folder + "/") {
      return true
    }
    return false
  }

  /// Every YAML file below `sub` (relative to the folder, "" for the whole folder), sorted.
  private func yamlPaths(under sub: String) throws(ReadError) -> [String] {
    let base = sub.isEmpty ? directory : Workspace.join(directory, sub)
    switch origin {
    case .disk:
      return try Workspace.yamlFiles(in: base)
    case .bundled:
      let prefix = base + "/"
      return embedded.keys.filter { $0.hasPrefix(prefix) }.sorted()
    }
  }

  /// The pack's own files: every YAML file except those under `tests/` and `cases/`.
  public func packFiles() throws(ReadError) -> [String] {
    let prefix = directory + "/"
    return try yamlPaths(under: "").filter { path in
      !Self.isOutsidePackFiles(path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path)
    }
  }

  /// The pack's test files (`tests/**/*.yaml`); none when there is no `tests/` folder.
  public func testFiles() -> [String] {
    switch origin {
    case .disk:
      let tests = Workspace.join(directory, "tests")
      return Workspace.isDirectory(tests) ? ((try? Workspace.yamlFiles(in: tests)) ?? []) : []
    case .bundled:
      return (try? yamlPaths(under: "tests")) ?? []
    }
  }

  /// Reads a file of this folder (from disk, or from the bundled copy).
  public func read(_ path: String) throws(ReadError) -> SourceFile {
    switch origin {
    case .disk:
      return try Workspace.read(path)
    case .bundled:
      guard let text = embedded[Workspace.normalize(path)] else {
        throw ReadError(path: path, reason: "no such file in the bundled pack")
      }
      return SourceFile(path: Workspace.normalize(path), text: text)
    }
  }
}
