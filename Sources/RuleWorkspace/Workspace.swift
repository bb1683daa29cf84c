import Foundation
public import RuleDiagnostics

/// File IO at the edge of the pipeline: reading text files and listing folders, with one-line
/// errors for what cannot be read.
public enum Workspace {
  static var fileManager: FileManager { FileManager.default }

  /// Reads a text file; a missing file, a folder, binary data or invalid UTF-8 is a `ReadError`.
  public static func read(_ path: String) throws(ReadError) -> SourceFile {
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

  /// The `*.yaml` and `*.yml` files of a folder, recursively, sorted.
  public static func yamlFiles(in directory: String) throws(ReadError) -> [String] {
    guard isDirectory(directory) else { throw ReadError(path: directory, reason: "no such folder") }
    guard let enumerator = fileManager.enumerator(atPath: directory) else {
      throw ReadError(path: directory, reason: "cannot list the folder")
    }
    var paths: [String] = []
    while let relative = enumerator.nextObject() as? String {
      if relative.hasSuffix(".yaml") || relative.hasSuffix(".yml") {
        paths.append(join(directory, relative))
      }
    }
    return paths.sorted()
  }

  /// `a/b`, without a doubled slash; `b` alone when `a` is empty or `.`.
  public static func join(_ a: String, _ b: String) -> String {
    if a.isEmpty || a == "." { return b }
    return a.hasSuffix("/") ? a + b : a + "/" + b
  }

  /// The path with `.` and `name/..` steps removed.
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

  /// The folder holding `path` (`.` for a bare name).
  public static func parent(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    let parent = String(path[..<slash])
    return parent.isEmpty ? "/" : parent
  }

  /// Whether `path` is a folder.
  public static func isDirectory(_ path: String) -> Bool {
    var isDirectory: ObjCBool = false
    return fileManager.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
  }
}
