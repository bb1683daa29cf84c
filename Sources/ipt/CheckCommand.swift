import ArgumentParser
import Foundation
import RuleCompiler
import RuleDiagnostics
import RuleEngine
import RuleRender
import RuleSyntax
import RuleWorkspace

struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract:
      "Compare a trainee's formulation with the engine: agreed, missed, unsupported, contested, uncertain.",
    discussion: """
      ipt check CASE --formulation FILE checks one formulation against its case.
      ipt check CASES... --formulations DIR matches every formulation in DIR to its case by the
      case id (several trainees may formulate the same case) and ends with a supervisor's summary.
      Exit codes: 0 checked; 1 with --strict, a disagreement (missed, unsupported or contested
      value, or an ignored warning or critical alert); 2 invalid input files.
      """)

  @OptionGroup var packOptions: PackOptions

  @Option(name: .long, help: "A formulation file (repeatable).")
  var formulation: [String] = []

  @Option(name: .long, help: "A folder of formulation files, matched to the cases by case id.")
  var formulations: [String] = []

  @Option(help: "Output format: text, markdown or json.")
  var format: CheckFormat = .text

  @Flag(help: "Exit with 1 when the formulation disagrees with the engine.")
  var strict = false

  @Flag(help: "With several formulations, print only the supervisor's summary.")
  var summary = false

  @Argument(help: "Case files, or folders of case files.")
  var cases: [String]

  enum CheckFormat: String, ExpressibleByArgument, CaseIterable {
    case text, markdown, json
  }

  func validate() throws {
    if formulation.isEmpty && formulations.isEmpty {
      throw ValidationError(
        "give a formulation with --formulation FILE or a folder with --formulations DIR")
    }
  }

  func run() throws {
    let program: Program
    do { program = try Workspace.program(packOptions.pack) } catch { throw ExitCode.invalidInput }
    let casePaths: [String]
    var formulationPaths = formulation
    do {
      casePaths = try CaseInputs.expand(cases)
      for folder in formulations {
        guard Workspace.isDirectory(folder) else {
          throw ReadError(path: folder, reason: "no such folder of formulations")
        }
        formulationPaths += try Workspace.yamlFiles(in: folder, skipTests: false)
      }
    } catch let error as ReadError {
      Terminal.error(error.description)
      throw ExitCode.invalidInput
    }
    var invalid = false

    // Cases.
    let caseCompiler = CaseCompiler(program: program)
    var facts: [CaseFacts] = []
    var invalidCaseIDs: [String] = []
    for path in casePaths {
      if let loaded = CaseInputs.load(path, with: caseCompiler) {
        facts.append(loaded)
      } else {
        invalid = true
        // Its formulations are not compared, but they are not "of no case" either.
        if let file = try? Workspace.read(path), let id = Loader.loadCase(file).0?.id.value {
          invalidCaseIDs.append(id)
        }
      }
    }

    // Formulations: names checked against the pack, then matched to the cases by id.
    let single = formulations.isEmpty && formulation.count == 1 && casePaths.count == 1
    let compiler = FormulationCompiler(program: program)
    var loaded: [Formulation] = []
    var sources: [String: SourceFile] = [:]
    for path in formulationPaths {
      let file: SourceFile
      do { file = try Workspace.read(path) } catch {
        Terminal.error((error as? ReadError)?.description ?? "\(path): error: \(error)")
        invalid = true
        continue
      }
      sources[file.path] = file
      let (syntax, loadDiagnostics) = Loader.loadFormulation(file)
      var diagnostics = loadDiagnostics
      var result: Formulation?
      if let syntax {
        let compiled = compiler.compile(
          syntax, forCase: single ? facts.first?.caseID ?? invalidCaseIDs.first : nil)
        diagnostics += compiled.diagnostics
        result = compiled.value
      }
      Terminal.report(diagnostics.normalized(), sources: sources)
      if let result, !diagnostics.hasErrors { loaded.append(result) } else { invalid = true }
    }
    let (matches, matchDiagnostics) = FormulationCompiler.match(
      loaded, caseIDs: facts.map(\.caseID) + invalidCaseIDs)
    Terminal.report(matchDiagnostics, sources: sources)
    if matchDiagnostics.hasErrors { invalid = true }

    // Compare and render.
    let builder = CheckReportBuilder(program: program, engineVersion: EngineVersion.string)
    var explanations: [Int: Explanation] = [:]
    var reports: [CheckReport] = []
    for (formulation, match) in zip(loaded, matches) {
      guard let match, match < facts.count else { continue }
      let explanation =
        explanations[match]
        ?? program.explain(facts[match], program.evaluate(facts[match]))
      explanations[match] = explanation
      let comparison = program.compare(formulation, with: explanation)
      reports.append(
        builder.report(
          comparison, formulation: formulation, explanation: explanation, facts: facts[match]))
    }
    let disagreements = reports.reduce(0) { $0 + $1.disagreements }
    if single, let report = reports.first {
      switch format {
      case .json: Terminal.write(JSONText.encode(report))
      case .markdown: Terminal.write(CheckRenderer(style: .markdown).render(report))
      case .text:
        Terminal.write(CheckRenderer(style: .text, colour: Terminal.colour).render(report))
      }
    } else if !single {
      let overview = builder.summary(reports, caseIDs: facts.map(\.caseID))
      switch format {
      case .json: Terminal.write(JSONText.encode(overview))
      case .markdown, .text:
        let renderer =
          format == .markdown
          ? CheckRenderer(style: .markdown) : CheckRenderer(style: .text, colour: Terminal.colour)
        if !summary {
          for report in overview.checks { Terminal.write(renderer.render(report) + "\n") }
        }
        Terminal.write(renderer.render(overview))
      }
      Terminal.error(
        "\(reports.count) formulation\(reports.count == 1 ? "" : "s") checked, \(disagreements) disagreement\(disagreements == 1 ? "" : "s")"
      )
    }
    if invalid { throw ExitCode.invalidInput }
    if strict && disagreements > 0 { throw ExitCode(1) }
  }
}
