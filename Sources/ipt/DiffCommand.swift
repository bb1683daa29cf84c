import Advisor
import ArgumentParser
import RuleDiagnostics
import RuleRender
import RuleWorkspace

struct DiffCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "diff",
    abstract:
      "The impact of a pack change: every case whose picks, provisional status or alerts change, and the rules why.",
    discussion: """
      ipt diff OLD_PACK NEW_PACK --cases DIR evaluates the cases with both packs and lists every \
      case whose result changed (cases where an alert is dropped first), each with the rules whose \
      firing or weight caused it, then the rules that differ between the packs.
      Exit codes: 0 compared; 1 with --fail-on-change, some case changed; 2 a pack or case cannot \
      be read; 64 bad command line.
      """)

  @Argument(help: "The pack before the change (a folder).")
  var oldPack: String

  @Argument(help: "The pack after the change (a folder).")
  var newPack: String

  @Option(name: .long, help: "Case files, or folders of case files (repeatable).")
  var cases: [String] = []

  @OptionGroup var limits: LimitOptions

  @OptionGroup var mode: ModeOptions

  @Option(help: "Output format: text, markdown, html or json.")
  var format: ReportFormat = .text

  @Flag(help: "Exit with 1 when some case changed.")
  var failOnChange = false

  func validate() throws {
    if cases.isEmpty { throw ValidationError("give the cases to compare with --cases DIR") }
  }

  func run() throws {
    let old = try Advisor.forCommand(
      .disk(oldPack, maxFileSize: limits.maxFileSize.bytes), mode: mode.mode)
    let new = try Advisor.forCommand(
      .disk(newPack, maxFileSize: limits.maxFileSize.bytes), mode: mode.mode)
    let paths: [String]
    do { paths = try CaseInputs.expand(cases) } catch {
      Terminal.error(error.description)
      throw ExitCode.invalidInput
    }
    let files = paths.compactMap { CaseInputs.read($0, limits: limits) }
    let diff = old.diff(against: new, cases: files)
    switch format {
    case .json: Terminal.write(JSONText.encode(diff))
    default:
      Terminal.render(
        [PackDiffDocument().document(diff)], format: format, title: "ipt-advisor diff")
    }
    for line in diff.invalid { Terminal.error(line) }
    Terminal.error(
      "\(diff.changed.count) of \(diff.cases) case\(diff.cases == 1 ? "" : "s") changed")
    if files.count < paths.count || !diff.invalid.isEmpty { throw ExitCode.invalidInput }
    if failOnChange && !diff.changed.isEmpty { throw ExitCode(1) }
  }
}
