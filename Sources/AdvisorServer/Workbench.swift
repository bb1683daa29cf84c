import Advisor
import AuditStore
import RuleDiagnostics
import RuleRender
import TraineeCheck

/// The server's work, free of HTTP: it reads request bodies, calls the front door (`Advisor`)
/// and answers with the same JSON the command-line tool prints. Immutable and `Sendable`, so
/// every request shares one.
struct Workbench: Sendable {
  /// The loaded pack.
  let advisor: Advisor
  /// `GET /v1/pack`, built once.
  let packJSON: String
  /// With `--audit`, where every evaluation and check the server makes is recorded.
  let recorder: AuditSession?

  init(advisor: Advisor, recorder: AuditSession? = nil) {
    self.advisor = advisor
    self.recorder = recorder
    packJSON = JSONText.encode(PackSummary(advisor: advisor), pretty: false)
  }

  /// Diagnostics as the JSON of `ipt lint --format json`, with the status: 500 when a run could
  /// not be recorded, else `status`.
  static func failure(_ diagnostics: [Diagnostic], status: Int = 400) -> Reply {
    .json(
      DiagnosticJSON.render(diagnostics, pretty: false),
      status: Self.status(diagnostics, otherwise: status))
  }

  /// 500 when the diagnostics say the audit store refused a record (the server's fault, not the
  /// request's), else `status`.
  static func status(_ diagnostics: [Diagnostic], otherwise status: Int) -> Int {
    diagnostics.contains { $0.code == .auditUnwritable } ? 500 : status
  }

  /// The diagnostic of a run or check the audit store refused: the answer is withheld, so that
  /// nothing is shown that the record lacks.
  static func unrecorded(_ error: AuditError, path: String) -> Diagnostic {
    RequestInput.problem(
      .auditUnwritable, "the audit store could not record this: \(error.description)", path: path,
      hint: "nothing was shown or kept; ask the server's operator to check the audit store")
  }

  /// `POST /v1/evaluate`: a case (YAML or JSON) in, the report of `ipt evaluate --format json`
  /// out; a case with errors gets 400 and its diagnostics.
  func evaluate(_ bytes: [UInt8]) -> Reply {
    switch outcome(bytes, path: RequestInput.requestPath) {
    case .success(let outcome): .json(JSONText.encode(outcome.report, pretty: false))
    case .failure(let diagnostics): Self.failure(diagnostics.value)
    }
  }

  /// A case read from a body and evaluated, or its diagnostics.
  func outcome(_ bytes: [UInt8], path: String) -> Result<Outcome, Rejected<[Diagnostic]>> {
    switch RequestInput.source(bytes, path: path) {
    case .success(let file): outcome(file)
    case .failure(let diagnostic): .failure(Rejected([diagnostic.value]))
    }
  }

  /// A case file evaluated, or its diagnostics (warnings included) when it has errors. With an
  /// audit store the run is recorded first (`record: false` for a look at a case that is not a
  /// run of its own, such as reading its id); a run that cannot be recorded is not answered.
  func outcome(_ file: SourceFile, record: Bool = true) -> Result<Outcome, Rejected<[Diagnostic]>> {
    let outcome = advisor.evaluate(file)
    guard let value = outcome.value else { return .failure(Rejected(outcome.diagnostics)) }
    if record, let recorder {
      do throws(AuditError) {
        try recorder.recordRun(
          file: file,
          result: BatchRecord(
            program: advisor.program, facts: value.facts, evaluation: value.evaluation,
            engineVersion: Advisor.engineVersion, wouldFire: value.report.wouldFire))
      } catch {
        return .failure(Rejected([Self.unrecorded(error, path: file.path)]))
      }
    }
    return .success(value)
  }

  /// `POST /v1/check`: `{"case": ..., "formulation": ...}` (each the file's text, or a JSON
  /// object) in, the report of `ipt check --format json` out.
  func check(_ bytes: [UInt8]) -> Reply {
    let envelope: JSONValue
    switch RequestInput.source(bytes, path: RequestInput.requestPath) {
    case .failure(let diagnostic): return Self.failure([diagnostic.value])
    case .success(let file):
      switch RequestInput.object(Array(file.text.utf8)) {
      case .failure(let diagnostic): return Self.failure([diagnostic.value])
      case .success(let value): envelope = value
      }
    }
    let caseFile: SourceFile
    let formulation: SourceFile
    switch (
      RequestInput.document(envelope["case"], key: "case", path: RequestInput.casePath),
      RequestInput.document(
        envelope["formulation"], key: "formulation", path: RequestInput.formulationPath)
    ) {
    case (.success(let c), .success(let f)):
      caseFile = c
      formulation = f
    case (.failure(let d), .failure(let e)): return Self.failure([d.value, e.value])
    case (.failure(let d), _), (_, .failure(let d)): return Self.failure([d.value])
    }
    switch check(case: caseFile, formulation: formulation) {
    case .success(let report): return .json(JSONText.encode(report, pretty: false))
    case .failure(let diagnostics): return Self.failure(diagnostics.value)
    }
  }

  /// A formulation checked against its case, or the diagnostics of either. With an audit store
  /// the check is recorded first; a check that cannot be recorded is not answered.
  func check(case caseFile: SourceFile, formulation: SourceFile) -> Result<
    CheckReport, Rejected<[Diagnostic]>
  > {
    let run = advisor.check(cases: [caseFile], formulations: [formulation])
    guard !run.invalid, let report = run.reports.first else {
      return .failure(
        Rejected(
          run.diagnostics.isEmpty
            ? [
              RequestInput.problem(
                .formulationCaseMismatch, "the formulation could not be matched to the case",
                path: RequestInput.formulationPath)
            ] : run.diagnostics))
    }
    if let recorder {
      do throws(AuditError) {
        guard let result = advisor.record(caseFile).value else {
          throw AuditError(
            path: recorder.store.path, reason: "the checked case could not be evaluated again")
        }
        try recorder.recordCheck(
          caseFile: caseFile, formulationFile: formulation, result: result, report: report)
      } catch {
        return .failure(Rejected([Self.unrecorded(error, path: caseFile.path)]))
      }
    }
    return .success(report)
  }
}
