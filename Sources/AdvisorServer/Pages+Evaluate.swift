import Advisor
import RuleDiagnostics
import RuleEngine
import RuleRender
import RuleWorkspace

extension Pages {
  static let evaluateTitle = "Evaluate a case"

  /// `GET /evaluate` (no case) and `POST /evaluate` (a case pasted in the form).
  func evaluate(caseText: String?) -> Reply {
    guard let caseText else { return evaluatePage() }
    return evaluatePage(
      pasted: caseText,
      result: workbench.outcome(SourceFile(path: RequestInput.casePath, text: caseText)))
  }

  /// `POST /evaluate/upload`: a case file uploaded (`multipart/form-data`); its text then fills
  /// the paste form, so that it can be corrected and sent again.
  func evaluate(upload bytes: [UInt8], contentType: String?) -> Reply {
    switch CaseUpload.file(bytes, contentType: contentType) {
    case .failure(let problem):
      return evaluatePage(result: .failure(Rejected([problem.value])))
    case .success(let file):
      switch RequestInput.source(file, path: CaseUpload.path) {
      case .failure(let problem):
        return evaluatePage(result: .failure(Rejected([problem.value])))
      case .success(let source):
        return evaluatePage(pasted: source.text, result: workbench.outcome(source))
      }
    }
  }

  /// `POST /evaluate/form`: the case the filled fields make, evaluated like a pasted one; the
  /// form comes back filled, with the case file it made.
  func evaluate(form: FormFields) -> Reply {
    let text = caseForm.caseText(form)
    return evaluatePage(
      form: form, generated: text,
      result: workbench.outcome(SourceFile(path: CaseForm.path, text: text)))
  }

  /// The Evaluate page: the problems or the report (whose questions link to the form's fields),
  /// then the three ways to give a case: paste, upload, or fill in the form.
  func evaluatePage(
    pasted: String = "", form: FormFields = FormFields(), generated: String? = nil,
    result: Result<Outcome, Rejected<[Diagnostic]>>? = nil, status problemStatus: Int = 400
  ) -> Reply {
    var (before, documents, status) = shown(result, problemStatus: problemStatus) {
      ReportDocument(
        packSource: workbench.advisor.folder.description, fieldAnchor: CaseForm.anchor
      ).evaluation($0.report)
    }
    if let generated {
      before += generatedFile(
        "The case file the form made (YAML)", generated, open: status != 200)
    }
    let pack = workbench.advisor.program.pack
    let after = """
      <section class="entry" aria-labelledby="paste-heading">
      <h2 id="paste-heading">Paste a case file</h2>
      <form method="post" action="/evaluate">
      \(textarea("case", label: "Case file (YAML or JSON)", value: pasted, help: "Paste a case file; the report shows alerts first."))
      <button type="submit">Evaluate</button>
      </form>
      </section>
      <section class="entry" aria-labelledby="upload-heading">
      <h2 id="upload-heading">Upload a case file</h2>
      <form method="post" action="/evaluate/upload" enctype="multipart/form-data">
      <label for="upload">Case file (YAML or JSON)</label>
      <p class="help" id="upload-help">A file of at most \(escape(Workspace.sizeText(maxBodySize))); its name is not kept.</p>
      <input type="file" id="upload" name="\(CaseUpload.part)" accept=".yaml,.yml,.json" required aria-describedby="upload-help">
      <button type="submit">Upload and evaluate</button>
      </form>
      </section>
      <section class="entry" aria-labelledby="form-heading">
      <h2 id="form-heading">Fill in a case</h2>
      <p class="help">A form made from the vocabulary of \(escape(pack.id)) \(escape(pack.version)). A blank field is not assessed: it is left out of the case (unknown, not false). Each question of "what to ask next" links to its field.</p>
      \(caseForm.html(form))
      </section>
      """
    return page(
      Self.evaluateTitle, body: before, documents: documents, after: after, status: status)
  }

  /// What a page shows of a result: the problems (with their status: 500 when the audit store
  /// refused the record, else `problemStatus`), or the result's document (200); nothing on a
  /// page without a request.
  func shown<Value>(
    _ result: Result<Value, Rejected<[Diagnostic]>>?, problemStatus: Int,
    document: (Value) -> Document
  ) -> (problems: String, documents: [Document], status: Int) {
    switch result {
    case .failure(let problems)?:
      return (
        diagnostics(problems.value), [],
        Workbench.status(problems.value, otherwise: problemStatus)
      )
    case .success(let value)?: return ("", [document(value)], 200)
    case nil: return ("", [], 200)
    }
  }

  /// A file the server made from a form, collapsed (open when it has problems), to copy.
  func generatedFile(_ summary: String, _ text: String, open: Bool) -> String {
    """
    <details\(open ? " open" : "")>
    <summary>\(escape(summary))</summary>
    <pre><code>\(escape(text))</code></pre>
    </details>

    """
  }
}
