import Foundation
import PackagePlugin

/// Embeds the default pack (`rules/ipt-core`: pack files, tests and sample cases) into the target
/// as a generated Swift source file, so that `ipt` works alone, from any folder. Nothing generated
/// is committed: the file is written to the plugin's work folder on every build that needs it.
@main
struct EmbedPackPlugin: BuildToolPlugin {
  /// The pack folder, relative to the package root; also the path the embedded files carry.
  static let packFolder = "rules/ipt-core"

  func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
    let root = context.package.directoryURL
    let pack = root.appending(path: Self.packFolder)
    var inputs: [URL] = []
    if let walker = FileManager.default.enumerator(
      at: pack, includingPropertiesForKeys: [.isRegularFileKey])
    {
      for case let url as URL in walker where ["yaml", "yml"].contains(url.pathExtension) {
        inputs.append(url)
      }
    }
    inputs.sort { $0.path < $1.path }
    let output = context.pluginWorkDirectoryURL.appending(path: "BundledPack.swift")
    let arguments =
      [root.path(percentEncoded: false), output.path(percentEncoded: false)]
      + inputs.map { $0.path(percentEncoded: false) }
    return [
      .buildCommand(
        displayName: "Embedding \(Self.packFolder) (\(inputs.count) files)",
        executable: try context.tool(named: "EmbedPack").url, arguments: arguments,
        inputFiles: inputs, outputFiles: [output])
    ]
  }
}
