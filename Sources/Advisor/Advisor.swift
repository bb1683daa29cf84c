import Foundation
import RuleCompiler
public import RuleDiagnostics
public import RuleEngine
public import RuleRender
import RuleSyntax
public import RuleWorkspace
import TraineeCheck

/// The front door of ipt-advisor: a rule pack read, checked and compiled once into an immutable
/// value that evaluates cases, checks trainees' formulations and runs the pack's own tests. The
/// command-line tool, the benchmark and the tests all go through it.
///
/// ```swift
/// let load = Advisor.load(.bundled)
/// guard let advisor = load.advisor else { /* print load.diagnostics */ }
/// let outcome = advisor.evaluate(caseFile)   // Diagnosed<Outcome>
/// ```
public struct Advisor: Sendable {
  /// The engine's version, written into every report.
  public static let engineVersion = "0.1.0"

  /// The compiled pack.
  public let program: Program
  /// Where the pack came from (the bundled default pack, or a folder).
  public let folder: PackFolder
  /// Warnings found while loading the pack (a pack with errors gives no `Advisor`).
  public let warnings: [Diagnostic]
  /// Every pack file read, by path.
  public let sources: [String: SourceFile]
  /// In release mode, the whole pack (draft rules included), to say which skipped rules would
  /// have fired.
  let full: Program?
  let cases: CaseCompiler
  let formulations: FormulationCompiler
  let reports: ReportBuilder

  init(
    program: Program, folder: PackFolder, warnings: [Diagnostic], sources: [String: SourceFile],
    full: Program? = nil
  ) {
    self.program = program
    self.full = full
    self.folder = folder
    self.warnings = warnings
    self.sources = sources
    cases = CaseCompiler(program: program)
    formulations = FormulationCompiler(program: program)
    reports = ReportBuilder(program: program, engineVersion: Self.engineVersion)
  }

  // MARK: Loading a pack

  /// Loads, checks and compiles the pack in `folder` with every pack it extends; `mode` chooses
  /// full or release mode (nil: the mode the pack's manifest asks for); `analyse` adds the deep
  /// lint of the rules' logic (`ipt lint`).
  public static func load(_ folder: PackFolder, mode: PackMode? = nil, analyse: Bool = false)
    -> PackLoad
  {
    var diagnostics: [Diagnostic] = []
    var sources: [String: SourceFile] = [:]
    var visited: Set<String> = []
    var base: [PackSyntax] = []
    func load(_ folder: PackFolder, via: Located<String>?) -> PackSyntax? {
      guard visited.insert(folder.directory).inserted else {
        if let via {
          diagnostics.append(CheckCatalogue.extendsCycle(folder.directory, at: via.location))
        }
        return nil
      }
      guard folder.exists, via == nil || folder.hasManifest else {
        if let via {
          diagnostics.append(
            CheckCatalogue.extendsNotFound(
              via.value, hasFolder: folder.exists, at: via.location))
        } else {
          // A file where a folder is wanted (`--pack pack.yaml`) says so, and names the folder.
          if Workspace.isFile(folder.directory) {
            diagnostics.append(
              ReadError(
                path: folder.directory,
                reason: "not a folder: a pack is a folder holding pack.yaml",
                hint: "give the pack's folder, here '\(Workspace.parent(of: folder.directory))'"
              ).diagnostic)
          } else {
            diagnostics.append(
              ReadError(path: folder.directory, reason: "no such pack folder").diagnostic)
          }
        }
        return nil
      }
      var files: [SourceFile] = []
      let listing = folder.packFiles()
      diagnostics += listing.problems.map(\.diagnostic)
      for path in listing.files {
        do {
          let file = try folder.read(path)
          files.append(file)
          sources[file.path] = file
        } catch {
          diagnostics.append(error.diagnostic)
        }
      }
      let (syntax, loadDiagnostics) = Loader.loadPack(directory: folder.directory, files: files)
      diagnostics += loadDiagnostics
      for extended in syntax.manifest?.extends ?? [] {
        if let p = load(folder.relative(extended.value), via: extended) { base.append(p) }
      }
      return syntax
    }
    guard let syntax = load(folder, via: nil) else {
      return PackLoad(
        folder: folder, advisor: nil, diagnostics: diagnostics.normalized(), sources: sources,
        ruleCount: 0)
    }
    return assemble(
      folder: folder, syntax: syntax, base: base, diagnostics: diagnostics, sources: sources,
      mode: mode, analyse: analyse)
  }

  /// Loads, checks and compiles a pack given as files in memory (`directory` is the folder their
  /// paths start with; the manifest is `directory/pack.yaml`). Such a pack cannot extend others.
  public static func load(
    directory: String, files: [SourceFile], mode: PackMode? = nil, analyse: Bool = false
  )
    -> PackLoad
  {
    let (syntax, diagnostics) = Loader.loadPack(directory: directory, files: files)
    return assemble(
      folder: .disk(directory), syntax: syntax, base: [], diagnostics: diagnostics,
      sources: Dictionary(files.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a }),
      mode: mode, analyse: analyse)
  }

  /// Today in days since 1970-01-01 (UTC), for reviews that are due.
  static var today: Int { Int((Date().timeIntervalSince1970 / 86400).rounded(.down)) }

  /// Checks and compiles loaded syntax. It compiles even after load errors, so that one run
  /// reports every problem it can; the program is kept only when there is no error at all.
  static func assemble(
    folder: PackFolder, syntax: PackSyntax, base: [PackSyntax], diagnostics: [Diagnostic],
    sources: [String: SourceFile], mode: PackMode?, analyse: Bool = false
  ) -> PackLoad {
    let hash = Digest.sha256(files: Compiler.hashedFiles(syntax, extending: base))
    let options = CompileOptions(mode: mode, today: today, analyse: analyse)
    let compiled = Compiler.compile(syntax, extending: base, sha256: hash, options: options)
    let all = (diagnostics + compiled.diagnostics).normalized()
    // In release mode, the whole pack too: which skipped rules would have fired.
    let full =
      compiled.value?.pack.mode == .release
      ? Compiler.compile(
        syntax, extending: base, sha256: hash, options: CompileOptions(mode: .full)
      ).value : nil
    let advisor =
      all.hasErrors
      ? nil
      : compiled.value.map {
        Advisor(program: $0, folder: folder, warnings: all, sources: sources, full: full)
      }
    return PackLoad(
      folder: folder, advisor: advisor, diagnostics: all, sources: sources,
      ruleCount: syntax.rules.count)
  }

  // MARK: Cases

  /// Reads and checks a case file against the pack's vocabulary.
  public func facts(_ file: SourceFile) -> Diagnosed<CaseFacts> {
    cases.compile(file: file, sha256: Digest.sha256(file.text))
  }

  /// Evaluates and explains a case; `trace` adds every rule's premises to the report (as
  /// `ipt explain` prints them).
  public func evaluate(_ file: SourceFile, trace: Bool = false) -> Diagnosed<Outcome> {
    let facts = facts(file)
    return Diagnosed(facts.value.map { evaluate($0, trace: trace) }, facts.diagnostics)
  }

  /// Evaluates and explains checked case facts.
  public func evaluate(_ facts: CaseFacts, trace: Bool = false) -> Outcome {
    let evaluation = program.evaluate(facts)
    let explanation = program.explain(facts, evaluation)
    return Outcome(
      facts: facts, evaluation: evaluation, explanation: explanation,
      report: reports.report(
        explanation, facts: facts, fullTrace: trace, wouldFire: wouldFire(facts)))
  }

  /// In release mode, the skipped draft rules that would have fired on these facts (nil in full
  /// mode).
  public func wouldFire(_ facts: CaseFacts) -> [String]? {
    guard let full else { return nil }
    let skipped = Set(program.pack.skippedRules)
    let evaluation = full.evaluate(facts)
    return full.rules.indices.filter {
      evaluation.ruleTruth[$0] == .true && skipped.contains(full.rules[$0].id)
    }.map { full.rules[$0].id }
  }

  /// The result of a case without its explanation: one line of a batch run
  /// (`ipt evaluate --format jsonl`).
  public func record(_ file: SourceFile) -> Diagnosed<BatchRecord> {
    let facts = facts(file)
    return Diagnosed(
      facts.value.map {
        BatchRecord(
          program: program, facts: $0, evaluation: program.evaluate($0),
          engineVersion: Self.engineVersion, wouldFire: wouldFire($0))
      }, facts.diagnostics)
  }
}
