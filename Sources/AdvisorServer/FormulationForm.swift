import RuleEngine
import RuleRender

/// The Check page's formulation form, generated from the loaded pack's outputs: beside the case
/// (pasted), who formulates, each output's values (a select for an output that picks at most one
/// value, checkboxes otherwise), the alerts taken into account and the rationale. A submitted form
/// becomes a formulation file (YAML) whose `formulation:` names the case's id; the front door
/// checks it like any other formulation, so no value is trusted.
struct FormulationForm: Sendable {
  /// The names of the fields that are not outputs (output names cannot hold a `-`).
  static let caseFile = "case-file"
  static let by = "formulation-by"
  static let alerts = "formulation-alerts"
  static let rationale = "formulation-rationale"
  /// The prefix of an output's field id (`output-focus`).
  static let anchor = "output-"

  let outputs: [OutputInfo]
  let alertInfos: [AlertInfo]

  init(program: Program) {
    outputs = program.outputs
    alertInfos = program.alerts
  }

  // MARK: The formulation file

  /// The formulation the filled fields make, of the case `caseID`; an output left blank is not
  /// addressed (left out).
  func formulationText(caseID: String, _ form: FormFields) -> String {
    var lines = ["formulation: " + YAMLText.quoted(caseID)]
    if let by = form.filled(Self.by).first { lines.append("by: " + YAMLText.quoted(by)) }
    for output in outputs {
      let values = form.filled(output.name)
      guard !values.isEmpty else { continue }
      let allowed = output.values.map(\.name)
      let written = values.map { YAMLText.name($0, allowed: allowed) }
      lines.append(
        "\(output.name): "
          + (output.max == 1 && written.count == 1 ? written[0] : YAMLText.list(written)))
    }
    let alerts = form.filled(Self.alerts)
    if !alerts.isEmpty {
      let allowed = alertInfos.map(\.name)
      lines.append("alerts: " + YAMLText.list(alerts.map { YAMLText.name($0, allowed: allowed) }))
    }
    if let rationale = form.filled(Self.rationale).first {
      lines.append("rationale: " + YAMLText.quoted(rationale))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  // MARK: The form

  func escape(_ text: String) -> String { HTMLRenderer.escape(text) }

  /// The form, filled with `form`'s values (empty on a new page), every value escaped.
  func html(_ form: FormFields) -> String {
    let caseID = Self.caseFile
    let byID = Self.by
    let rationaleID = Self.rationale
    let fields = outputs.map { output in
      let help =
        switch output.max {
        case 1?: "Choose one value; left blank, the output is not addressed."
        case let max?:
          "Choose up to \(max) (the pack picks at most \(max)); none checked, the output is not addressed."
        case nil: "Choose any; none checked, the output is not addressed."
        }
      let options = output.values.map { CaseForm.Option(value: $0.name, label: $0.label) }
      return group(
        id: Self.anchor + output.name, name: output.name, title: output.title, help: help,
        options: options, single: output.max == 1, sent: form.values(output.name))
    }
    let alerts = group(
      id: Self.alerts, name: Self.alerts, title: "Alerts taken into account",
      help: "The pack's alerts the formulation has considered.",
      options: alertInfos.map {
        CaseForm.Option(value: $0.name, label: "\($0.label) (\($0.severity.rawValue))")
      }, single: false, sent: form.values(Self.alerts))
    return """
      <form method="post" action="/check/form">
      <label for="\(caseID)">Case file (YAML or JSON)</label>
      <p class="help" id="\(caseID)-help">The case the formulation is about; the formulation names its id.</p>
      <textarea id="\(caseID)" name="\(caseID)" aria-describedby="\(caseID)-help" required spellcheck="false">\(escape(form[caseID] ?? ""))</textarea>
      <label for="\(byID)">Formulated by (pseudonymous)</label>
      <p class="help" id="\(byID)-help">The trainee's pseudonym, such as trainee-17.</p>
      <input type="text" id="\(byID)" name="\(byID)" value="\(escape(form[byID] ?? ""))" aria-describedby="\(byID)-help" required>
      \(fields.joined(separator: "\n"))
      \(alerts)
      <label for="\(rationaleID)">Rationale</label>
      <p class="help" id="\(rationaleID)-help">Why this formulation (kept, never evaluated).</p>
      <textarea id="\(rationaleID)" name="\(rationaleID)" aria-describedby="\(rationaleID)-help" class="short">\(escape(form[rationaleID] ?? ""))</textarea>
      <button type="submit">Check the formulation</button>
      </form>
      """
  }

  /// An output (or the alerts) as a select (`single`) or a group of checkboxes in a fieldset; a
  /// value sent that is not an option is kept, escaped, so that its diagnostic can be read.
  func group(
    id: String, name: String, title: String, help: String, options: [CaseForm.Option],
    single: Bool, sent: [String]
  ) -> String {
    var all = options
    for value in sent where !value.isEmpty && !all.contains(where: { $0.value == value }) {
      all.append(CaseForm.Option(value: value, label: "\(value) (not in the pack)"))
    }
    let id = escape(id)
    let helpText = "<p class=\"help\" id=\"\(id)-help\">\(escape(help))</p>"
    if single {
      let chosen = sent.first ?? ""
      let items = all.map {
        "<option value=\"\(escape($0.value))\"\($0.value == chosen ? " selected" : "")>\(escape($0.label))</option>"
      }
      return """
        <label for="\(id)">\(escape(title)) (<code>\(escape(name))</code>)</label>
        \(helpText)
        <select id="\(id)" name="\(escape(name))" aria-describedby="\(id)-help">
        <option value=""\(chosen.isEmpty ? " selected" : "")>not addressed</option>
        \(items.joined(separator: "\n"))
        </select>
        """
    }
    let items = all.enumerated().map { index, option in
      let box = "\(id)-\(index + 1)"
      return
        "<li><input type=\"checkbox\" id=\"\(box)\" name=\"\(escape(name))\" value=\"\(escape(option.value))\"\(sent.contains(option.value) ? " checked" : "")> <label for=\"\(box)\" class=\"inline\">\(escape(option.label))</label></li>"
    }
    return """
      <fieldset id="\(id)" class="choices" aria-describedby="\(id)-help">
      <legend>\(escape(title)) (<code>\(escape(name))</code>)</legend>
      \(helpText)
      <ul>
      \(items.joined(separator: "\n"))
      </ul>
      </fieldset>
      """
  }
}
