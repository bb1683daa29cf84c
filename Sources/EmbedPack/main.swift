// EmbedPack ROOT OUTPUT FILE...: writes OUTPUT, a Swift source file declaring `BundledPack.files`,
// the given files' paths (relative to ROOT) and texts. Run by the EmbedPackPlugin build tool.
import Foundation

/// A raw string literal that holds `text` exactly: enough `#` that no delimiter occurs inside.
func literal(_ text: String) -> String {
  var hashes = "#"
  while text.contains("\"" + hashes) || text.contains("\\" + hashes) { hashes += "#" }
  return "\(hashes)\"\"\"\n\(text)\n\"\"\"\(hashes)"
}

func fail(_ message: String) -> Never {
  FileHandle.standardError.write(Data("EmbedPack: error: \(message)\n".utf8))
  exit(1)
}

let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count >= 2 else { fail("usage: EmbedPack ROOT OUTPUT FILE...") }
let root = arguments[0].hasSuffix("/") ? arguments[0] : arguments[0] + "/"
var source = """
  // Generated at build time by the EmbedPack build tool from the files of the default pack.

  /// The default pack's files (pack files, tests and sample cases) as compiled into the binary.
  enum BundledPack {
    /// Paths relative to the repository root, sorted, with their texts.
    static let files: [(path: String, text: String)] = [

  """
for path in arguments.dropFirst(2).sorted() {
  guard path.hasPrefix(root) else { fail("\(path) is not inside \(root)") }
  guard let data = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)") }
  guard let text = String(data: data, encoding: .utf8) else { fail("\(path) is not UTF-8 text") }
  let relative = String(path.dropFirst(root.count))
  source += "    (\n      \"\(relative)\",\n      \(literal(text))\n    ),\n"
}
source += "  ]\n}\n"
do {
  try source.write(toFile: arguments[1], atomically: true, encoding: .utf8)
} catch {
  fail("cannot write \(arguments[1]): \(error)")
}
