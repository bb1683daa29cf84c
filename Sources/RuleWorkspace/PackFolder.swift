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
    /// Given as files in memory: a pack kept in an audit store, replayed.
    case stored
  }

  /// The folder as shown to the user (the path the pack's files are reported under).
  public let directory: String
  /// Where the files come from.
  public let origin: Origin
  /// For the bundled pack: every file by path.
  private let embedded: [String: String]
  /// The largest file read from the folder, in bytes.
  public let maxFileSize: Int

  /// The folder of the default pack as compiled into the binary.
  public static let bundled = PackFolder(
    directory: defaultDirectory, origin: .bundled,
    embedded: Dictionary(
      BundledPack.files.map { ($0.path, $0.text) }, uniquingKeysWith: { a, _ in a }),
    maxFileSize: Workspace.defaultMaxFileSize)

  /// The path the default pack is reported under, and where it lives in the repository.
  public static let defaultDirectory = "rules/ipt-core"

  /// A pack folder on disk; no file larger than `maxFileSize` bytes is read from it.
  public static func disk(_ directory: String, maxFileSize: Int = Workspace.defaultMaxFileSize)
    -> PackFolder
  {
    PackFolder(
      directory: Workspace.normalize(directory), origin: .disk, embedded: [:],
      maxFileSize: maxFileSize)
  }

  /// A pack given as files in memory (paths start with `directory`), such as the copy of a pack
  /// that an audit store keeps; packs it extends are looked up among the same files.
  public static func stored(directory: String, files: [SourceFile]) -> PackFolder {
    PackFolder(
      directory: Workspace.normalize(directory), origin: .stored,
      embedded: Dictionary(
        files.map { (Workspace.normalize($0.path), $0.text) }, uniquingKeysWith: { a, _ in a }),
      maxFileSize: Workspace.defaultMaxFileSize)
  }

  private init(directory: String, origin: Origin, embedded: [String: String], maxFileSize: Int) {
    self.directory = directory
    self.origin = origin
    self.embedded = embedded
    self.maxFileSize = maxFileSize
  }

  /// `rules/ipt-core (bundled)` or the folder's path.
  public var description: String {
    switch origin {
    case .bundled: "\(directory) (bundled)"
    case .stored: "\(directory) (stored)"
    case .disk: directory
    }
  }

  /// Whether the folder exists (always true for the bundled pack).
  public var exists: Bool {
    switch origin {
    case .bundled: true
    case .stored: embedded.keys.contains { $0.hasPrefix(directory + "/") }
    case .disk: Workspace.isDirectory(directory)
    }
  }

  /// Whether the folder holds a manifest, `pack.yaml` (what makes a folder a pack).
  public var hasManifest: Bool {
    switch origin {
    case .bundled, .stored: embedded[manifestPath] != nil
    case .disk: Workspace.isFile(manifestPath)
    }
  }

  /// The path of the folder's manifest.
  public var manifestPath: String { Workspace.join(directory, "pack.yaml") }

  /// The pack folder at `path` relative to this one (for `extends`).
  public func relative(_ path: String) -> PackFolder {
    switch origin {
    case .stored:
      PackFolder(
        directory: Workspace.normalize(Workspace.join(directory, path)), origin: .stored,
        embedded: embedded, maxFileSize: maxFileSize)
    case .bundled, .disk:
      .disk(Workspace.join(directory, path), maxFileSize: maxFileSize)
    }
  }

  /// Whether a path inside a pack folder belongs to the pack's tests or sample cases (`tests/`,
  /// `cases/`) rather than to the pack itself.
  static func isOutsidePackFiles(_ relative: String) -> Bool {
    for folder in ["tests", "cases"] where relative == folder || relative.hasPrefix(folder + "/") {
      return true
    }
    return false
  }

  /// Every YAML file below `sub` (relative to the folder, "" for the whole folder), sorted, and
  /// what could not be listed. On disk, links are followed only inside the pack's folder.
  private func yamlPaths(under sub: String) -> Workspace.Listing {
    let base = sub.isEmpty ? directory : Workspace.join(directory, sub)
    switch origin {
    case .disk:
      return Workspace.list(base, boundary: directory)
    case .bundled, .stored:
      let prefix = base + "/"
      return Workspace.Listing(files: embedded.keys.filter { $0.hasPrefix(prefix) }.sorted())
    }
  }

  /// The pack's own files: every YAML file except those under `tests/` and `cases/`, and what
  /// could not be listed or followed.
  public func packFiles() -> Workspace.Listing {
    let prefix = directory + "/"
    var listing = yamlPaths(under: "")
    func isPackFile(_ path: String) -> Bool {
      !Self.isOutsidePackFiles(path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path)
    }
    listing.files = listing.files.filter(isPackFile)
    // What is wrong under tests/ and cases/ is reported when a test reads it.
    listing.problems = listing.problems.filter { isPackFile($0.path) }
    return listing
  }

  /// The pack's test files (`tests/**/*.yaml`), none when there is no `tests/` folder, and what
  /// could not be listed or followed.
  public func testFiles() -> Workspace.Listing {
    switch origin {
    case .disk:
      let tests = Workspace.join(directory, "tests")
      return Workspace.isDirectory(tests) ? yamlPaths(under: "tests") : Workspace.Listing()
    case .bundled, .stored:
      return yamlPaths(under: "tests")
    }
  }

  /// Reads a file (from disk, or from the bundled copy). A file inside the pack's folder, or any
  /// file when `boundary` names a folder, must not be a link to a place outside that folder.
  public func read(_ path: String, within boundary: String? = nil) throws(ReadError) -> SourceFile {
    switch origin {
    case .disk:
      let inside = Workspace.isLexicallyInside(path, directory)
      return try Workspace.read(
        path, maxBytes: maxFileSize, within: boundary ?? (inside ? directory : nil))
    case .bundled, .stored:
      guard let text = embedded[Workspace.normalize(path)] else {
        throw ReadError(path: path, reason: "no such file in the \(origin.rawValue) pack")
      }
      return SourceFile(path: Workspace.normalize(path), text: text)
    }
  }
}
