import ArgumentParser
import Foundation
import RuleCompiler
import RuleEngine
import RuleRender
import RuleWorkspace

struct EvaluateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "evaluate",
    abstract: "Suggest and explain a formulation for each case (alerts, focus, techniques, variant).")

  @OptionGroup var packOptions: PackOptions

  @Option(help: "Output format: text, markdown, html, json or jsonl (one line per case).")
  var format: OutputFormat = .text

  @Argument(help: "Case files, or folders of case files.")
  var cases: [String]

  func run() throws {
    try Self.run(cases: cases, pack: packOptions.pack, format: format, fullTrace: false)
  }

  static func run(cases: [String], pack: String?, format: OutputFormat, fullTrace: Bool) throws {
    let program: Program
    do { program = try Workspace.program(pack) } catch { throw ExitCode.invalidInput }
    let paths: [String]
    do { paths = try CaseInputs.expand(cases) } catch let error as ReadError {
      Terminal.error(error.description)
      throw ExitCode.invalidInput
    }
    let compiler = CaseCompiler(program: program)
    let builder = ReportBuilder(program: program, engineVersion: EngineVersion.string)
    var failed = 0
    var first = true
    var html = ""  // HTML collects every report into one page
    for path in paths {
      guard let facts = CaseInputs.load(path, with: compiler) else {
        failed += 1
        continue
      }
      let evaluation = program.evaluate(facts)
      if format == .jsonl {
        let record = BatchRecord(program: program, facts: facts, evaluation: evaluation, engineVersion: EngineVersion.string)
        Terminal.write(JSONText.encode(record, pretty: false))
        continue
      }
      let explanation = program.explain(facts, evaluation)
      let report = builder.report(explanation, facts: facts, fullTrace: fullTrace)
      if !first && format != .html { Terminal.write(format == .json ? "" : "\n") }
      first = false
      switch format {
      case .json: Terminal.write(JSONText.encode(report))
      case .jsonl: break
      case .html:
        let renderer = ReportRenderer(style: .markdown)
        html += (fullTrace ? renderer.renderTrace(report) : renderer.render(report)) + "\n"
      case .markdown:
        let renderer = ReportRenderer(style: .markdown)
        Terminal.write(fullTrace ? renderer.renderTrace(report) : renderer.render(report))
      case .text:
        let renderer = ReportRenderer(style: .text, colour: Terminal.colour)
        Terminal.write(fullTrace ? renderer.renderTrace(report) : renderer.render(report))
      }
    }
    if format == .html && !html.isEmpty {
      Terminal.write(HTMLPage.render(markdown: html, title: "ipt-advisor: \(paths.count == 1 ? paths[0] : "\(paths.count) cases")"))
    }
    if paths.count > 1 || failed > 0 {
      Terminal.error("\(paths.count - failed) of \(paths.count) case\(paths.count == 1 ? "" : "s") evaluated, \(failed) failed")
    }
    if failed > 0 { throw ExitCode.invalidInput }
  }
}

struct ExplainCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "explain",
    abstract: "Trace every rule for a case: fired, failed at which condition, or undetermined on which findings.")

  @OptionGroup var packOptions: PackOptions

  @Option(help: "Output format: text, markdown, html or json.")
  var format: OutputFormat = .text

  @Argument(help: "The case file.")
  var caseFile: String

  func run() throws {
    try EvaluateCommand.run(cases: [caseFile], pack: packOptions.pack, format: format, fullTrace: true)
  }
}

struct ValidateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate", abstract: "Check case files against the pack's vocabulary.")

  @OptionGroup var packOptions: PackOptions

  @Argument(help: "Case files, or folders of case files.")
  var cases: [String]

  func run() throws {
    let program: Program
    do { program = try Workspace.program(packOptions.pack) } catch { throw ExitCode.invalidInput }
    let paths: [String]
    do { paths = try CaseInputs.expand(cases) } catch let error as ReadError {
      Terminal.error(error.description)
      throw ExitCode.invalidInput
    }
    let compiler = CaseCompiler(program: program)
    var failed = 0
    for path in paths where CaseInputs.load(path, with: compiler) == nil { failed += 1 }
    Terminal.error("\(paths.count - failed) of \(paths.count) case\(paths.count == 1 ? "" : "s") valid")
    if failed > 0 { throw ExitCode.invalidInput }
  }
}
