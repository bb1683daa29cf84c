import Advisor
import ArgumentParser
import AuditStore
import RuleDiagnostics
import RuleEngine
import RuleRender
import RuleWorkspace

struct EvaluateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "evaluate",
    abstract:
      "Suggest and explain a formulation for each case (alerts, focus, techniques, variant).")

  @OptionGroup var packOptions: PackOptions

  @Option(help: "Output format: text, markdown, html, json or jsonl (one line per case).")
  var format: OutputFormat = .text

  @OptionGroup var auditOptions: AuditOptions

  @Argument(help: "Case files, or folders of case files; '-' reads a case from standard input.")
  var cases: [String]

  func run() throws {
    try Self.run(
      cases: cases, pack: packOptions.folder, mode: packOptions.mode.mode,
      limits: packOptions.limits, format: format, fullTrace: false, audit: auditOptions)
  }

  static func run(
    cases: [String], pack: PackFolder, mode: PackMode?, limits: LimitOptions, format: OutputFormat,
    fullTrace: Bool, audit: AuditOptions? = nil
  ) throws {
    let advisor = try Advisor.forCommand(pack, mode: mode)
    let session = try audit?.session(advisor: advisor, command: "evaluate")
    let paths: [String]
    do { paths = try CaseInputs.expand(cases) } catch {
      Terminal.error(error.description)
      throw ExitCode.invalidInput
    }
    var failed = 0
    var printed = 0
    var pending: [AuditSession.Run] = []
    var documents: [Document] = []
    for path in paths {
      guard let file = CaseInputs.read(path, limits: limits) else {
        failed += 1
        continue
      }
      if format == .jsonl {
        let record = advisor.record(file)
        Terminal.report(record.diagnostics, sources: [file.path: file])
        if let value = record.value {
          let line = JSONText.encode(value, pretty: false)
          if let session {
            // Recorded first, a chunk per transaction: a line printed is a line kept.
            pending.append(AuditSession.Run(file: file, result: value, line: line))
            if pending.count == AuditSession.chunk { try session.write(&pending) }
          } else {
            Terminal.write(line)
          }
        } else {
          failed += 1
        }
        continue
      }
      let outcome = advisor.evaluate(file, trace: fullTrace)
      Terminal.report(outcome.diagnostics, sources: [file.path: file])
      guard let value = outcome.value else {
        failed += 1
        continue
      }
      let report = value.report
      try session?.write(
        file: file,
        result: BatchRecord(
          program: advisor.program, facts: value.facts, evaluation: value.evaluation,
          engineVersion: Advisor.engineVersion, wouldFire: report.wouldFire))
      let builder = ReportDocument(packSource: advisor.folder.description)
      switch format {
      case .json:
        Terminal.write(JSONText.encode(report))
      case .jsonl:
        break
      case .html, .markdown, .text:
        let document = fullTrace ? builder.trace(report) : builder.evaluation(report)
        if format == .html {
          documents.append(document)
        } else {
          if printed > 0 { Terminal.write("\n") }
          Terminal.write(
            format == .markdown
              ? MarkdownRenderer().render(document)
              : TextRenderer(colour: Terminal.colour).render(document))
        }
      }
      printed += 1
    }
    if let session { try session.write(&pending) }
    if format == .html && !documents.isEmpty {
      Terminal.write(
        HTMLRenderer().page(
          documents, title: "ipt-advisor: \(paths.count == 1 ? paths[0] : "\(paths.count) cases")"))
    }
    if paths.count > 1 || failed > 0 {
      Terminal.error(
        "\(paths.count - failed) of \(paths.count) case\(paths.count == 1 ? "" : "s") evaluated, \(failed) failed"
          + (session.map { " (recorded in \($0.store.path))" } ?? ""))
    } else if let session {
      Terminal.error("recorded in \(session.store.path)")
    }
    if failed > 0 { throw ExitCode.invalidInput }
  }
}
