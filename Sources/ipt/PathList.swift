import Foundation
import RuleWorkspace

/// Case file paths read one line at a time from a file or standard input (`--files-from`), so
/// that a batch of a million cases holds one window of paths, never the whole list. Blank lines
/// are skipped; a trailing carriage return is dropped.
final class PathList {
  private let stream: UnsafeMutablePointer<FILE>
  private let ownsStream: Bool
  private var line: UnsafeMutablePointer<CChar>?
  private var capacity = 0

  /// Opens `path` (`-`: standard input).
  init(_ path: String) throws(ReadError) {
    if path == "-" {
      guard let input = fdopen(STDIN_FILENO, "r") else {
        throw ReadError(path: "-", reason: "cannot read standard input")
      }
      stream = input
      ownsStream = false
    } else {
      guard let opened = fopen(path, "r") else {
        throw ReadError(
          path: path,
          reason: "cannot open the list of case files (\(String(cString: strerror(errno))))",
          hint: "give a file with one case file path per line, or '-' for standard input")
      }
      stream = opened
      ownsStream = true
    }
  }

  deinit {
    free(line)
    if ownsStream { fclose(stream) }
  }

  /// The next path, or nil at the end of the list.
  func next() -> String? {
    while true {
      let length = getline(&line, &capacity, stream)
      guard length >= 0, let line else { return nil }
      var text = String(cString: line)
      while let last = text.last, last == "\n" || last == "\r" || last == "\r\n" {
        text.removeLast()
      }
      if !text.trimmingCharacters(in: .whitespaces).isEmpty { return text }
    }
  }
}
