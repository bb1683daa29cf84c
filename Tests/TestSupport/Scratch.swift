public import Foundation

/// A temporary folder for one test, removed when the test ends.
public final class Scratch {
  public let url: URL
  public var path: String { url.path }

  public init(_ name: String) throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "ipt-\(name)-\(getpid())-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(at: url) }

  /// The absolute path of `relative` inside the folder.
  public func at(_ relative: String) -> String { url.appendingPathComponent(relative).path }

  /// Writes a text file (making its folders).
  @discardableResult
  public func write(_ relative: String, _ text: String) throws -> String {
    try write(relative, Data(text.utf8))
  }

  /// Writes a file of bytes (making its folders).
  @discardableResult
  public func write(_ relative: String, _ data: Data) throws -> String {
    let file = url.appendingPathComponent(relative)
    try FileManager.default.createDirectory(
      at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try data.write(to: file)
    return file.path
  }

  /// Makes a folder.
  @discardableResult
  public func folder(_ relative: String) throws -> String {
    try FileManager.default.createDirectory(
      atPath: at(relative), withIntermediateDirectories: true)
    return at(relative)
  }

  /// Makes a symbolic link at `relative` to `destination` (absolute, or relative to the link).
  @discardableResult
  public func link(_ relative: String, to destination: String) throws -> String {
    try FileManager.default.createSymbolicLink(
      atPath: at(relative), withDestinationPath: destination)
    return at(relative)
  }

  /// Copies a file or folder of the repository into the scratch folder.
  @discardableResult
  public func copy(_ repositoryPath: String, to relative: String) throws -> String {
    try FileManager.default.createDirectory(
      at: url.appendingPathComponent(relative).deletingLastPathComponent(),
      withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: TestSupport.path(repositoryPath), toPath: at(relative))
    return at(relative)
  }

  /// Removes a file or folder.
  public func remove(_ relative: String) throws {
    try FileManager.default.removeItem(atPath: at(relative))
  }
}
