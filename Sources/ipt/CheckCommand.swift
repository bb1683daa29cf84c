import Advisor
import ArgumentParser
import AuditStore
import RuleDiagnostics
import RuleRender
import RuleWorkspace
import TraineeCheck

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

  @Option(name: .long, help: "A formulation file (repeatable); '-' reads it from standard input.")
  var formulation: [String] = []

  @Option(name: .long, help: "A folder of formulation files, matched to the cases by case id.")
  var formulations: [String] = []

  @Option(help: "Output format: text, markdown, html or json.")
  var format: ReportFormat = .text

  @Flag(help: "Exit with 1 when the formulation disagrees with the engine.")
  var strict = false

  @Flag(help: "With several formulations, print only the supervisor's summary.")
  var summary = false

  @OptionGroup var auditOptions: AuditOptions

  @Argument(help: "Case files, or folders of case files; '-' reads a case from standard input.")
  var cases: [String]

  func validate() throws {
    if formulation.isEmpty && formulations.isEmpty {
      throw ValidationError(
        "give a formulation with --formulation FILE or a folder with --formulations DIR")
    }
  }

  func run() throws {
    let advisor = try Advisor.forCommand(packOptions.folder, mode: packOptions.mode.mode)
    let session = try auditOptions.session(advisor: advisor, command: "check")
    let casePaths: [String]
    var formulationPaths = formulation
    do throws(ReadError) {
      casePaths = try CaseInputs.expand(cases)
      for folder in formulations {
        guard Workspace.isDirectory(folder) else {
          throw ReadError(path: folder, reason: "no such folder of formulations")
        }
        formulationPaths += try CaseInputs.expand([folder], kind: "formulation")
      }
      if casePaths.contains("-") && formulationPaths.contains("-") {
        throw ReadError(path: "-", reason: "standard input ('-') can be read only once")
      }
    } catch {
      Terminal.error(error.description)
      throw ExitCode.invalidInput
    }
    let inputs = CaseInputs.readAll(
      cases: casePaths, formulations: formulationPaths, limits: packOptions.limits)
    let unreadable = inputs.unreadable
    let run = advisor.check(cases: inputs.cases, formulations: inputs.formulations)
    let sources = inputs.sources
    Terminal.report(run.diagnostics, sources: sources)
    if let session { try Self.record(run, sources: sources, advisor: advisor, session: session) }
    let single = formulations.isEmpty && formulation.count == 1 && casePaths.count == 1
    let builder = CheckDocument(packSource: advisor.folder.description)
    if single, let report = run.reports.first {
      switch format {
      case .json: Terminal.write(JSONText.encode(report))
      default: Terminal.render([builder.check(report)], format: format, title: "ipt-advisor check")
      }
    } else if !single {
      switch format {
      case .json: Terminal.write(JSONText.encode(run.summary))
      default:
        let checks = summary ? [] : run.summary.checks.map(builder.check)
        Terminal.render(
          checks + [builder.summary(run.summary)], format: format, title: "ipt-advisor check")
      }
      let count = run.reports.count
      Terminal.error(
        "\(count) formulation\(count == 1 ? "" : "s") checked, \(run.disagreements) disagreement\(run.disagreements == 1 ? "" : "s")"
      )
    }
    if let session {
      Terminal.error(
        "\(run.reports.count) check\(run.reports.count == 1 ? "" : "s") recorded in \(session.store.path)"
      )
    }
    if run.invalid || unreadable { throw ExitCode.invalidInput }
    if strict && run.disagreements > 0 { throw ExitCode(1) }
  }

  /// Records every check (its case, formulation, result and verdicts) in the audit store.
  static func record(
    _ run: CheckRun, sources: [String: SourceFile], advisor: Advisor, session: AuditSession
  ) throws {
    do throws(AuditError) {
      for report in run.reports {
        guard let caseFile = sources[report.case.file],
          let formulationFile = sources[report.formulation.file],
          let result = advisor.record(caseFile).value
        else {
          throw AuditError(
            path: session.store.path,
            reason:
              "the files of the check of case '\(report.case.id)' are not at hand; nothing recorded for it"
          )
        }
        try session.recordCheck(
          caseFile: caseFile, formulationFile: formulationFile, result: result, report: report)
      }
    } catch {
      Terminal.error(error.description)
      throw ExitCode.invalidInput
    }
  }
}
