import Advisor
import ArgumentParser
import AuditStore
import RuleDiagnostics
import RuleEngine
import RuleRender
import Foundation
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

  @Option(
    help:
      "With --format jsonl, cases read and evaluated at once (default: the number of cores); output stays in input order."
  )
  var jobs: Int?

  func validate() throws {
    if let jobs, !(1...256).contains(jobs) { throw ValidationError("--jobs takes 1 to 256") }
  }

  @Option(
    name: .customLong("files-from"),
    help: ArgumentHelp(
      "Read case file paths, one per line, from FILE ('-': standard input), after CASES.",
      valueName: "file"))
  var filesFrom: String?

  @Argument(help: "Case files, or folders of case files; '-' reads a case from standard input.")
  var cases: [String] = []

  func run() throws {
    if cases.isEmpty && filesFrom == nil {
      throw ValidationError("give case files or folders, or --files-from FILE")
    }
    if filesFrom == "-" && cases.contains("-") {
      throw ValidationError("standard input can hold a case or a list of case files, not both")
    }
    try Self.run(
      cases: cases, pack: packOptions.folder, mode: packOptions.mode.mode,
      limits: packOptions.limits, format: format, fullTrace: false, audit: auditOptions,
      jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount, filesFrom: filesFrom)
  }

  static func run(
    cases: [String], pack: PackFolder, mode: PackMode?, limits: LimitOptions, format: OutputFormat,
    fullTrace: Bool, audit: AuditOptions? = nil, jobs: Int = 1, filesFrom: String? = nil
  ) throws {
    let advisor = try Advisor.forCommand(pack, mode: mode)
    let session = try audit?.session(advisor: advisor, command: "evaluate")
    var paths: [String]
    let list: PathList?
    do {
      paths = try CaseInputs.expand(cases)
      list = try filesFrom.map { path throws(ReadError) in try PathList(path) }
    } catch {
      Terminal.error(error.description)
      throw ExitCode.invalidInput
    }
    if format == .jsonl {
      // The listed paths are read as the batch goes, a window at a time.
      var given = paths.makeIterator()
      let (count, failed) = try batch(
        { given.next() ?? list?.next() }, advisor: advisor, limits: limits, session: session,
        jobs: jobs)
      summarize(count: count, failed: failed, session: session)
      if failed > 0 { throw ExitCode.invalidInput }
      return
    }
    if let list {
      while let path = list.next() { paths.append(path) }
    }
    var failed = 0
    var printed = 0
    var documents: [Document] = []
    for path in paths {
      guard let file = CaseInputs.read(path, limits: limits) else {
        failed += 1
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
    if format == .html && !documents.isEmpty {
      Terminal.write(
        HTMLRenderer().page(
          documents, title: "ipt-advisor: \(paths.count == 1 ? paths[0] : "\(paths.count) cases")"))
    }
    summarize(count: paths.count, failed: failed, session: session)
    if failed > 0 { throw ExitCode.invalidInput }
  }

  /// `N of M cases evaluated, F failed` (and where they were recorded) on standard error.
  static func summarize(count: Int, failed: Int, session: AuditSession?) {
    if count > 1 || failed > 0 {
      Terminal.error(
        "\(count - failed) of \(count) case\(count == 1 ? "" : "s") evaluated, \(failed) failed"
          + (session.map { " (recorded in \($0.store.path))" } ?? ""))
    } else if let session {
      Terminal.error("recorded in \(session.store.path)")
    }
  }

  /// One case of a batch, read and evaluated by a worker.
  struct BatchItem: Sendable {
    var file: SourceFile?
    var readError: String?
    var record: Diagnosed<BatchRecord>?
    var line: String?
  }

  /// `--format jsonl`: cases read and evaluated `jobs` at a time in windows, written in input
  /// order (and recorded, a chunk per transaction, before their lines are printed); memory holds
  /// one window. `next` gives the paths in order, nil at the end. Returns the number of cases
  /// and how many of them failed.
  static func batch(
    _ next: () -> String?, advisor: Advisor, limits: LimitOptions, session: AuditSession?,
    jobs: Int
  ) throws -> (count: Int, failed: Int) {
    var failed = 0
    var count = 0
    var pending: [AuditSession.Run] = []
    let window = max(1, jobs) * 32
    while true {
      var collected: [String] = []
      collected.reserveCapacity(window)
      while collected.count < window, let path = next() { collected.append(path) }
      if collected.isEmpty { break }
      let slice = collected
      count += slice.count
      let items = BatchSlots<BatchItem>(count: slice.count)
      let work: @Sendable (Int) -> Void = { i in
        var item = BatchItem()
        switch CaseInputs.load(slice[i], limits: limits) {
        case .success(let file):
          item.file = file
          let record = advisor.record(file)
          item.record = record
          item.line = record.value?.jsonLine
        case .failure(let error):
          item.readError = error.description
        }
        items.set(i, item)
      }
      if jobs > 1 {
        DispatchQueue.concurrentPerform(iterations: slice.count, execute: work)
      } else {
        for i in slice.indices { work(i) }
      }
      for item in items.values {
        if let readError = item.readError {
          Terminal.error(readError)
          failed += 1
          continue
        }
        guard let file = item.file, let record = item.record else { continue }
        Terminal.report(record.diagnostics, sources: [file.path: file])
        guard let value = record.value, let line = item.line else {
          failed += 1
          continue
        }
        if let session {
          // Recorded first, a chunk per transaction: a line printed is a line kept.
          pending.append(AuditSession.Run(file: file, result: value, line: line))
          if pending.count == AuditSession.chunk { try session.write(&pending) }
        } else {
          Terminal.write(line)
        }
      }
    }
    if let session { try session.write(&pending) }
    return (count, failed)
  }
}
