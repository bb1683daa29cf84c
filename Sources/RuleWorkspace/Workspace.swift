import Foundation
public import RuleDiagnostics

/// File IO at the edge of the pipeline: reading text files and listing folders, with one-line
/// errors for what cannot be read. Every read is bounded (`maxBytes`), and a read or a listing
/// given a `boundary` folder follows symbolic links only to places inside that folder.
public enum Workspace {
  static var fileManager: FileManager { FileManager.default }

  /// The largest input file read by default: 16 MiB, far above any pack or case file (the default
  /// pack is about 200 KB, a case a few KB) and small enough to read and check in a second.
  public static let defaultMaxFileSize = 16 * 1024 * 1024
  /// The most entries (files and folders) one folder listing visits.
  public static let entryLimit = 10_000
  /// The deepest folder nesting a listing descends into.
  public static let folderDepthLimit = 32
  /// The path standard input is reported under.
  public static let standardInputPath = "<stdin>"

  /// Reads a text file of at most `maxBytes` bytes; a missing file, a folder, a file too large,
  /// binary data, UTF-16 or invalid UTF-8, or (with a `boundary`) a link that resolves outside the
  /// boundary folder, is a `ReadError`.
  public static func read(
    _ path: String, maxBytes: Int = defaultMaxFileSize, within boundary: String? = nil
  ) throws(ReadError) -> SourceFile {
    var isDirectory: ObjCBool = false
    guard fileManager.fileExists(atPath: path, isDirectory: &isDirectory) else {
      if isSymbolicLink(path) {
        throw ReadError(path: path, reason: "the file is a link to nothing (a broken link)")
      }
      throw ReadError(path: path, reason: "no such file")
    }
    if let boundary {
      guard let root = realPath(boundary), let real = realPath(path), isInside(real, root) else {
        throw ReadError(
          path: path, reason: "the file links to a place outside the folder '\(boundary)'",
          hint: "copy the file into the folder instead of linking to it")
      }
    }
    if isDirectory.boolValue {
      throw ReadError(path: path, reason: "is a folder, expected a YAML file")
    }
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw ReadError(path: path, reason: "cannot read the file (permission denied?)")
    }
    defer { try? handle.close() }
    let bytes = try readBounded(handle, path: path, maxBytes: maxBytes)
    return try decode(bytes, path: path)
  }

  /// Reads standard input (at most `maxBytes` bytes) as a text file named `<stdin>`.
  public static func readStandardInput(maxBytes: Int = defaultMaxFileSize) throws(ReadError)
    -> SourceFile
  {
    let bytes = try readBounded(
      FileHandle.standardInput, path: standardInputPath, maxBytes: maxBytes)
    return try decode(bytes, path: standardInputPath)
  }

  private static func readBounded(_ handle: FileHandle, path: String, maxBytes: Int)
    throws(ReadError) -> [UInt8]
  {
    var bytes: [UInt8] = []
    do {
      while bytes.count <= maxBytes {
        guard let chunk = try handle.read(upToCount: min(1 << 20, maxBytes + 1 - bytes.count)),
          !chunk.isEmpty
        else { break }
        bytes += chunk
      }
    } catch {
      throw ReadError(path: path, reason: "cannot read the file (\(error.localizedDescription))")
    }
    if bytes.count > maxBytes {
      throw ReadError(
        path: path, reason: "the file is larger than \(sizeText(maxBytes)), the limit",
        code: .tooLarge,
        hint: "no pack, case or formulation needs this much; raise the limit with --max-file-size")
    }
    return bytes
  }

  /// `16 MiB`, `512 KiB` or `300 bytes`.
  public static func sizeText(_ bytes: Int) -> String {
    if bytes >= 1 << 20 && bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
    if bytes >= 1 << 10 && bytes % (1 << 10) == 0 { return "\(bytes >> 10) KiB" }
    return "\(bytes) byte\(bytes == 1 ? "" : "s")"
  }

  /// Decodes file bytes as UTF-8 text. A UTF-8 byte order mark at the start, which some editors
  /// write and YAML allows, is dropped: the text (and so its SHA-256, lines and columns) begins
  /// after it. UTF-16 is named as such; a NUL byte is binary data; an invalid UTF-8 sequence is
  /// located at its first byte.
  public static func decode(_ bytes: [UInt8], path: String) throws(ReadError) -> SourceFile {
    if bytes.starts(with: utf8ByteOrderMark) {
      return try decode(Array(bytes.dropFirst(utf8ByteOrderMark.count)), path: path)
    }
    if let endian = utf16(bytes) {
      throw ReadError(
        path: path, reason: "the file is UTF-16 text (\(endian)), not UTF-8", code: .notUtf8,
        hint: "save the file as UTF-8 text")
    }
    if bytes.contains(0) {
      throw ReadError(
        path: path, reason: "the file holds binary data, not YAML text", code: .binaryFile,
        hint: "point at a YAML text file")
    }
    // One validating pass for the usual, valid file; the scan below only locates a bad byte.
    if let text = String(validating: bytes, as: UTF8.self) {
      return SourceFile(path: path, text: text)
    }
    if let bad = firstInvalidUTF8(bytes) {
      let before = bytes[..<bad]
      let line = before.reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
      let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
      let column = String(decoding: bytes[lineStart..<bad], as: UTF8.self).unicodeScalars.count + 1
      let hex = String(bytes[bad], radix: 16, uppercase: true)
      throw ReadError(
        path: path,
        reason: "the file is not valid UTF-8: byte 0x\(hex.count == 1 ? "0" : "")\(hex) here",
        code: .notUtf8, line: line, column: column,
        hint: "save the file as UTF-8 text (it looks like Latin-1 or Windows-1252)")
    }
    return SourceFile(path: path, text: String(decoding: bytes, as: UTF8.self))
  }

  /// The bytes of U+FEFF in UTF-8, which may open a UTF-8 file.
  public static let utf8ByteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

  /// `little-endian` or `big-endian` when the bytes look like UTF-16: a byte-order mark, or ASCII
  /// text with a zero byte beside every character.
  static func utf16(_ bytes: [UInt8]) -> String? {
    if bytes.starts(with: [0xFF, 0xFE]) { return "little-endian" }
    if bytes.starts(with: [0xFE, 0xFF]) { return "big-endian" }
    let sample = bytes.prefix(64)
    guard sample.count >= 4, sample.count % 2 == 0 else { return nil }
    let even = stride(from: 0, to: sample.count, by: 2).map { sample[$0] }
    let odd = stride(from: 1, to: sample.count, by: 2).map { sample[$0] }
    if odd.allSatisfy({ $0 == 0 }) && even.allSatisfy({ $0 != 0 && $0 < 0x80 }) {
      return "little-endian"
    }
    if even.allSatisfy({ $0 == 0 }) && odd.allSatisfy({ $0 != 0 && $0 < 0x80 }) {
      return "big-endian"
    }
    return nil
  }

  /// The offset of the first byte that does not begin or continue a valid UTF-8 sequence.
  static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
    var i = 0
    while i < bytes.count {
      let b = bytes[i]
      let length: Int
      var low: UInt8 = 0x80
      var high: UInt8 = 0xBF
      switch b {
      case 0x00...0x7F:
        i += 1
        continue
      case 0xC2...0xDF: length = 2
      case 0xE0:
        length = 3
        low = 0xA0
      case 0xE1...0xEC, 0xEE...0xEF: length = 3
      case 0xED:
        length = 3
        high = 0x9F
      case 0xF0:
        length = 4
        low = 0x90
      case 0xF1...0xF3: length = 4
      case 0xF4:
        length = 4
        high = 0x8F
      default: return i
      }
      guard i + length <= bytes.count else { return i }
      for k in 1..<length {
        let c = bytes[i + k]
        let (lo, hi) = k == 1 ? (low, high) : (0x80, 0xBF)
        if c < lo || c > hi { return i }
      }
      i += length
    }
    return nil
  }

  // MARK: Folders

  /// The YAML files of a folder and what could not be listed or followed.
  public struct Listing: Sendable {
    /// `*.yaml` and `*.yml` files, sorted, under the folder's path as given.
    public var files: [String] = []
    /// Folders that cannot be listed, links that lead nowhere or outside the boundary, and a
    /// folder too large or too deep to list.
    public var problems: [ReadError] = []
  }

  /// The `*.yaml` and `*.yml` files of a folder, recursively, sorted; the first problem met is
  /// thrown. Links are followed (the folder itself may be a link), each real folder once.
  public static func yamlFiles(in directory: String) throws(ReadError) -> [String] {
    let listing = list(directory, boundary: nil)
    if let problem = listing.problems.first { throw problem }
    return listing.files
  }

  /// Lists the YAML files below `directory` (itself followed if it is a link). Hidden entries
  /// (`.git`, ...) are skipped. With a `boundary`, a link that resolves outside that folder is a
  /// problem rather than followed.
  public static func list(_ directory: String, boundary: String?) -> Listing {
    var listing = Listing()
    guard isDirectory(directory) else {
      listing.problems.append(ReadError(path: directory, reason: "no such folder"))
      return listing
    }
    let root = boundary.flatMap(realPath)
    var visited: Set<String> = []
    var pending: [(path: String, depth: Int)] = [(directory, 0)]
    var entries = 0
    while let (folder, depth) = pending.popLast() {
      if let real = realPath(folder), !visited.insert(real).inserted { continue }
      let names: [String]
      do {
        names = try fileManager.contentsOfDirectory(atPath: folder).sorted()
      } catch {
        listing.problems.append(
          ReadError(path: folder, reason: "cannot list the folder (permission denied?)"))
        continue
      }
      for name in names where !name.hasPrefix(".") {
        entries += 1
        if entries > entryLimit {
          listing.problems.append(
            ReadError(
              path: directory, reason: "the folder holds more than \(entryLimit) entries",
              hint: "point at the folder of the pack or of the cases, not at a larger tree"))
          listing.files.sort()
          return listing
        }
        let path = join(folder, name)
        let isYAML = name.hasSuffix(".yaml") || name.hasSuffix(".yml")
        var isFolder: ObjCBool = false
        guard fileManager.fileExists(atPath: path, isDirectory: &isFolder) else {
          // Only a link can be listed and not be there.
          if isYAML {
            listing.problems.append(
              ReadError(path: path, reason: "the file is a link to nothing (a broken link)"))
          }
          continue
        }
        if let root, isSymbolicLink(path) {
          guard let real = realPath(path), isInside(real, root) else {
            if isYAML || isFolder.boolValue {
              listing.problems.append(
                ReadError(
                  path: path,
                  reason:
                    "the \(isFolder.boolValue ? "folder" : "file") links to a place outside the folder '\(boundary ?? directory)'",
                  hint: "copy it into the folder instead of linking to it"))
            }
            continue
          }
        }
        if isFolder.boolValue {
          if depth + 1 > folderDepthLimit {
            listing.problems.append(
              ReadError(
                path: path, reason: "folders nest more than \(folderDepthLimit) levels deep here"))
            continue
          }
          pending.append((path, depth + 1))
        } else if isYAML {
          listing.files.append(path)
        }
      }
    }
    listing.files.sort()
    return listing
  }

  /// Whether `path` exists as a symbolic link (whether or not it leads anywhere).
  static func isSymbolicLink(_ path: String) -> Bool {
    (try? fileManager.attributesOfItem(atPath: path)[.type] as? FileAttributeType)
      == .typeSymbolicLink
  }

  /// The absolute path with every link resolved, or nil when it does not exist.
  static func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  /// Whether `path` is `folder` or inside it (both absolute and resolved).
  static func isInside(_ path: String, _ folder: String) -> Bool {
    path == folder || path.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
  }

  /// Whether `path` lies inside `folder` by its written form (no link resolved).
  public static func isLexicallyInside(_ path: String, _ folder: String) -> Bool {
    let p = normalize(path)
    let f = normalize(folder)
    if p.hasPrefix("../") || p == ".." { return false }
    if f == "." { return !p.hasPrefix("/") }
    return isInside(p, f)
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
      if part == "..", path.hasPrefix("/") { continue }
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

  /// Whether `path` is a folder (following a link).
  public static func isDirectory(_ path: String) -> Bool {
    var isDirectory: ObjCBool = false
    return fileManager.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
  }

  /// Whether `path` is a file (following a link).
  public static func isFile(_ path: String) -> Bool {
    var isDirectory: ObjCBool = false
    return fileManager.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
  }
}
