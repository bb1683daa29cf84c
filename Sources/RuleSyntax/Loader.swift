package import RuleDiagnostics

/// LOAD: turns YAML files into syntax models with locations. Collects every problem it can.
package enum Loader {
  static let packFileKeys = SyntaxKeys.packFile
  static let manifestKeys = SyntaxKeys.manifest

  /// Loads a pack from its files; `directory` is the pack folder as shown to the user, and the
  /// manifest is the file named `pack.yaml` directly in it.
  package static func loadPack(directory: String, files: [SourceFile]) -> (PackSyntax, [Diagnostic])
  {
    var pack = PackSyntax(directory: directory)
    pack.files = files
    var diagnostics: [Diagnostic] = []
    // Files of the pack folder "." are listed without a "./" prefix.
    let manifestPath =
      directory.isEmpty || directory == "." ? "pack.yaml" : "\(directory)/pack.yaml"
    var sawManifest = false
    for file in files.sorted(by: { $0.path < $1.path }) {
      let (root, yamlDiagnostics) = YAMLReader.read(file)
      diagnostics += yamlDiagnostics
      guard let root else {
        if file.path == manifestPath { sawManifest = true }
        continue
      }
      var reader = NodeReader()
      var loader = PackFileLoader(file: file, reader: reader)
      if file.path == manifestPath {
        sawManifest = true
        pack.manifest = loader.manifest(root, into: &pack)
      } else {
        loader.packFile(root, into: &pack)
      }
      reader = loader.reader
      diagnostics += reader.diagnostics
    }
    if !sawManifest {
      diagnostics.append(
        Diagnostic(
          .error, code: .missingManifest, "the pack has no 'pack.yaml'",
          at: SourceLocation(file: manifestPath, line: 1, column: 1),
          hint: "create pack.yaml with at least 'pack:' and 'version:'"))
    }
    return (pack, diagnostics)
  }

}
