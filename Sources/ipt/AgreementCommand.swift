import Advisor
import ArgumentParser
import RuleDiagnostics
import RuleRender
import RuleWorkspace
import TraineeCheck

struct AgreementCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "agreement",
    abstract:
      "Score the engine against formulations stated by published sources (a validation corpus).",
    discussion: """
      CORPUS is a folder with cases/ (case files recording only what each source states) and \
      formulations/ (the formulation each source gives). Prints, per output, how often the \
      engine agrees (first pick among the source's values; recall for techniques), the safety \
      alerts the sources require, how often each value is picked, and every case.
      Exit codes: 0 scored; 1 a required safety alert was not raised, or a --min was not met; \
      2 invalid input files; 64 bad command line.
      """)

  @OptionGroup var packOptions: PackOptions

  @Option(help: "Output format: text, markdown, html or json.")
  var format: ReportFormat = .text

  @Option(
    name: .customLong("min"),
    help: ArgumentHelp(
      "Fail unless an output's agreement reaches a percentage, as OUTPUT=PERCENT (repeatable).",
      valueName: "output=percent"))
  var minimums: [String] = []

  @Argument(help: "The corpus folder (with cases/ and formulations/).")
  var corpus: String = "validation"

  func validate() throws {
    for text in minimums { _ = try Self.minimum(text) }
  }

  /// Parses `OUTPUT=PERCENT`.
  static func minimum(_ text: String) throws -> (output: String, percent: Double) {
    let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
    guard parts.count == 2, !parts[0].isEmpty, let percent = Double(parts[1]),
      (0...100).contains(percent)
    else {
      throw ValidationError(
        "--min expects OUTPUT=PERCENT with a percentage from 0 to 100, for example focus=90; got '\(text)'"
      )
    }
    return (parts[0], percent)
  }

  func run() throws {
    let advisor = try Advisor.forCommand(packOptions.folder, mode: packOptions.mode.mode)
    let caseFolder = Workspace.join(corpus, "cases")
    let formulationFolder = Workspace.join(corpus, "formulations")
    let casePaths: [String]
    let formulationPaths: [String]
    do throws(ReadError) {
      for folder in [caseFolder, formulationFolder] where !Workspace.isDirectory(folder) {
        throw ReadError(
          path: folder,
          reason: "no such folder: a corpus holds cases/ and formulations/ (see docs/validation.md)"
        )
      }
      casePaths = try CaseInputs.expand([caseFolder])
      formulationPaths = try CaseInputs.expand([formulationFolder], kind: "formulation")
    } catch {
      Terminal.error(error.description)
      throw ExitCode.invalidInput
    }
    let inputs = CaseInputs.readAll(
      cases: casePaths, formulations: formulationPaths, limits: packOptions.limits)
    let unreadable = inputs.unreadable
    let run = advisor.agreement(cases: inputs.cases, formulations: inputs.formulations)
    let sources = inputs.sources
    Terminal.report(run.diagnostics, sources: sources)
    let report = run.report
    switch format {
    case .json: Terminal.write(JSONText.encode(report))
    default:
      Terminal.render(
        [AgreementDocument(packSource: advisor.folder.description).document(report)],
        format: format, title: "ipt-advisor agreement")
    }
    if run.invalid || unreadable { throw ExitCode.invalidInput }
    var failed = false
    if !report.alerts.missed.isEmpty {
      Terminal.error(
        "\(report.alerts.missed.count) safety alert\(report.alerts.missed.count == 1 ? "" : "s") the sources require not raised"
      )
      failed = true
    }
    for text in minimums {
      let (name, percent) = try Self.minimum(text)
      guard let output = report.output(name) else {
        let names = report.outputs.map(\.output)
        Terminal.error(
          "ipt: --min \(text): no source states output '\(name)'"
            + (Suggest.hint(for: name, in: names).map { "; \($0)" } ?? "")
            + (names.isEmpty
              ? "" : " (outputs the sources state: \(names.joined(separator: ", ")))"))
        throw ExitCode.validationFailure
      }
      let actual = output.percent ?? 0
      if actual < percent {
        Terminal.error(
          "\(name): \(NumberText.format(actual))% agreement, below the required \(NumberText.format(percent))%"
        )
        failed = true
      }
    }
    if failed { throw ExitCode(1) }
  }
}
