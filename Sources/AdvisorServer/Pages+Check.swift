import Advisor
import RuleDiagnostics
import RuleEngine
import RuleRender
import RuleWorkspace
import TraineeCheck

extension Pages {
  static let checkTitle = "Check a formulation"

  /// `GET /check` and `POST /check`: a case and a trainee's formulation, both pasted.
  func check(caseText: String?, formulation: String?) -> Reply {
    guard let caseText, let formulation else { return checkPage() }
    return checkPage(
      pasted: (caseText, formulation),
      result: workbench.check(
        case: SourceFile(path: RequestInput.casePath, text: caseText),
        formulation: SourceFile(path: RequestInput.formulationPath, text: formulation)))
  }

  /// `POST /check/form`: the formulation the filled fields make, of the pasted case (its
  /// `formulation:` names the case's id), checked like a pasted one.
  func check(form: FormFields) -> Reply {
    let caseFile = SourceFile(
      path: RequestInput.casePath, text: form[FormulationForm.caseFile] ?? "")
    switch workbench.outcome(caseFile, record: false) {
    case .failure(let problems):
      return checkPage(form: form, result: .failure(problems))
    case .success(let outcome):
      let text = formulationForm.formulationText(caseID: outcome.report.case.id, form)
      return checkPage(
        form: form, generated: text,
        result: workbench.check(
          case: caseFile,
          formulation: SourceFile(path: RequestInput.formulationPath, text: text)))
    }
  }

  /// The Check page: the problems or the agreement report, then the two ways to give a
  /// formulation: paste it, or fill in the form made from the pack's outputs.
  func checkPage(
    pasted: (case: String, formulation: String) = ("", ""), form: FormFields = FormFields(),
    generated: String? = nil, result: Result<CheckReport, Rejected<[Diagnostic]>>? = nil,
    status problemStatus: Int = 400
  ) -> Reply {
    var (before, documents, status) = shown(result, problemStatus: problemStatus) {
      CheckDocument(packSource: workbench.advisor.folder.description).check($0)
    }
    if let generated {
      before += generatedFile(
        "The formulation file the form made (YAML)", generated, open: status != 200)
    }
    let after = """
      <section class="entry" aria-labelledby="paste-heading">
      <h2 id="paste-heading">Paste a case and a formulation</h2>
      <form method="post" action="/check">
      \(textarea("case", label: "Case file (YAML or JSON)", value: pasted.case, help: "The case the formulation is about."))
      \(textarea("formulation", label: "Formulation (YAML or JSON)", value: pasted.formulation, help: "The trainee's formulation of that case (its 'formulation:' names the case id)."))
      <button type="submit">Check</button>
      </form>
      </section>
      <section class="entry" aria-labelledby="form-heading">
      <h2 id="form-heading">Fill in a formulation</h2>
      <p class="help">A form made from the outputs of \(escape(workbench.advisor.program.pack.id)) \(escape(workbench.advisor.program.pack.version)); the formulation names the case's id.</p>
      \(formulationForm.html(form))
      </section>
      """
    return page(
      Self.checkTitle, body: before, documents: documents, after: after, status: status)
  }
}
