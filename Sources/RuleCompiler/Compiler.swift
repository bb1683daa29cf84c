package import RuleDiagnostics
package import RuleEngine
package import RuleSyntax

/// CHECK + COMPILE: resolves every name of a loaded pack, checks types and the dependency graph,
/// and builds an immutable `Program`.
package enum Compiler {
  /// Compiles a pack; `base` holds the packs it extends (transitively), in any order; `sha256`
  /// is the hash of every file read (computed where the files were read).
  package static func compile(
    _ pack: PackSyntax, extending base: [PackSyntax] = [], sha256: String,
    options: CompileOptions = CompileOptions()
  )
    -> Diagnosed<Program>
  {
    var compiler = PackCompiler()
    compiler.options = options
    let program = compiler.compile(pack, base: base, sha256: sha256)
    var diagnostics = compiler.diagnostics
    // A pack without rules passes every check and concludes nothing: never a silent success.
    if pack.manifest != nil, (base + [pack]).allSatisfy(\.rules.isEmpty) {
      let manifest = pack.directory.isEmpty ? "pack.yaml" : "\(pack.directory)/pack.yaml"
      diagnostics.append(
        CheckCatalogue.noRules(at: SourceLocation(file: manifest, line: 1, column: 1)))
    }
    return Diagnosed(program, diagnostics)
  }

  /// The files of a pack and of the packs it extends under the names its hash covers: each path
  /// relative to its pack's folder, prefixed with the pack id, so that the hash does not depend
  /// on where the pack is.
  package static func hashedFiles(_ pack: PackSyntax, extending base: [PackSyntax] = [])
    -> [(path: String, text: String)]
  {
    (base + [pack]).flatMap { p in
      p.files.map {
        (
          "\(p.manifest?.pack.value ?? "")/\(PackCompiler.relative($0.path, to: p.directory))",
          $0.text
        )
      }
    }
  }
}
