import ArgumentParser
import RuleWorkspace

/// The bound on what a command reads.
struct LimitOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      "The largest input file read, in bytes (default 16M); K, M and G suffixes are allowed.",
      valueName: "size"))
  var maxFileSize: FileSize = FileSize(bytes: Workspace.defaultMaxFileSize)
}

/// A size in bytes, written `1048576`, `512K`, `16M` or `1G`.
struct FileSize: ExpressibleByArgument {
  var bytes: Int

  init(bytes: Int) { self.bytes = bytes }

  init?(argument: String) {
    var digits = argument.uppercased()
    var unit = 1
    for (suffix, factor) in [("KIB", 1 << 10), ("MIB", 1 << 20), ("GIB", 1 << 30)]
    where digits.hasSuffix(suffix) {
      digits.removeLast(3)
      unit = factor
    }
    if unit == 1, let last = digits.last,
      let factor = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30][
        String(last)]
    {
      digits.removeLast()
      unit = factor
    }
    guard let value = Int(digits), value > 0, value <= (1 << 40) / unit else { return nil }
    bytes = value * unit
  }

  var defaultValueDescription: String { Workspace.sizeText(bytes) }
}
