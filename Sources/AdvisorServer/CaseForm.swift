import Advisor
import RuleDiagnostics
import RuleEngine
import RuleRender

/// The Evaluate page's case form, generated from the loaded pack's vocabulary: one labelled field
/// per finding a case may give, grouped in fieldsets (the findings whose answer could raise a
/// critical alert, then a warning, in the order "what to ask next" asks them; then the other
/// findings, then each other section of a case such as `course:`, in declared order). A submitted form becomes a
/// case file (YAML) holding the filled fields only, which the front door then checks like any
/// other case: a blank field is "not assessed" and left out, and no value is trusted.
struct CaseForm: Sendable {
  /// The pseudo-path of a case built from the form, which its diagnostics quote.
  static let path = "<form>"
  /// The prefix of a finding's field id (`field-phq9`), which "what to ask next" links to.
  static let anchor = "field-"
  /// The names of the fields that are not findings (finding names cannot hold a `-`).
  static let caseID = "case-id"
  static let caseDate = "case-date"
  static let caseAssessor = "case-assessor"
  static let caseNotes = "case-notes"

  /// How a finding is asked.
  enum Control: Sendable {
    /// Yes, no or not assessed.
    case yesNo
    /// A number input (`integer` steps by one).
    case number(integer: Bool)
    /// One value of an enum.
    case choice([Option])
    /// Any values of an enum (a set), as checkboxes.
    case choices([Option])
    /// A date input.
    case date
    /// A line of text.
    case text
    /// A list of records, written as YAML items in a text area; the help names the fields.
    case records(String)
  }

  /// An enum value and its label.
  struct Option: Sendable {
    var value: String
    var label: String
  }

  /// One finding's field.
  struct Field: Sendable {
    var finding: FindingInfo
    var control: Control
  }

  /// A fieldset: its legend and fields.
  struct Group: Sendable {
    var legend: String
    var fields: [Field]
  }

  /// The fieldsets, in page order.
  let groups: [Group]
  /// Every field, in the vocabulary's declared order (the order of the case file written).
  let fields: [Field]

  /// The form of `advisor`'s pack. The findings whose answer could raise an alert come first,
  /// a fieldset per severity (critical, then warning), in the order "what to ask next" asks them
  /// of a case that records nothing; then the other findings, then each other section of a case.
  init(advisor: Advisor) {
    let program = advisor.program
    let fields = program.findings.filter { !$0.derived }.map {
      Field(finding: $0, control: Self.control($0, program: program))
    }
    self.fields = fields
    let questions =
      advisor.evaluate(SourceFile(path: Self.path, text: "case: form\nfindings: {}\n")).value?
      .explanation.askNext ?? []
    var groups: [Group] = []
    var placed = Set<String>()
    for severity in AlertSeverity.allCases.sorted(by: >) where severity != .info {
      let names = questions.filter {
        $0.alertSeverity == severity && program.findings.indices.contains($0.slot)
      }.map { program.findings[$0.slot].name }
      let asked = names.compactMap { name in
        fields.first {
          $0.finding.name == name && $0.finding.section == nil && !placed.contains(name)
        }
      }
      placed.formUnion(asked.map(\.finding.name))
      let legend =
        severity == .critical
        ? "Could raise a critical alert" : "Could raise a \(severity.rawValue)"
      groups.append(Group(legend: legend, fields: asked))
    }
    groups.append(
      Group(
        legend: groups.allSatisfy(\.fields.isEmpty) ? "Findings" : "Other findings",
        fields: fields.filter { $0.finding.section == nil && !placed.contains($0.finding.name) }))
    var sections: [String] = []
    for field in fields {
      if let section = field.finding.section, !sections.contains(section) {
        sections.append(section)
      }
    }
    for section in sections {
      groups.append(
        Group(
          legend: "Written under '\(section):'",
          fields: fields.filter { $0.finding.section == section }))
    }
    self.groups = groups.filter { !$0.fields.isEmpty }
  }

  static func control(_ finding: FindingInfo, program: Program) -> Control {
    func options(_ index: Int) -> [Option] {
      guard program.enums.indices.contains(index) else { return [] }
      let type = program.enums[index]
      return zip(type.values, type.labels).map { Option(value: $0, label: $1) }
    }
    switch finding.type {
    case .boolean: return .yesNo
    case .integer: return .number(integer: true)
    case .number: return .number(integer: false)
    case .enumeration(let index): return .choice(options(index))
    case .set(let index): return .choices(options(index))
    case .date: return .date
    case .string, .record: return .text
    case .list(let index):
      guard program.records.indices.contains(index) else { return .records("") }
      let described = program.records[index].fields.map { field in
        "\(field.name) (\(typeText(field.type, range: field.range, unit: field.unit, program: program)))"
      }
      return .records(described.joined(separator: "; "))
    }
  }

  /// A field type in words, for the help of a list's fields.
  static func typeText(
    _ type: ValueType, range: ClosedRange<Double>?, unit: String?, program: Program
  ) -> String {
    let bounds =
      range.map { " \(NumberText.format($0.lowerBound)) to \(NumberText.format($0.upperBound))" }
      ?? ""
    let units = unit.map { " \($0)" } ?? ""
    switch type {
    case .boolean: return "true or false"
    case .integer: return "whole number" + bounds + units
    case .number: return "number" + bounds + units
    case .date: return "date"
    case .string, .record, .list: return "text"
    case .enumeration(let i):
      return "one of: "
        + (program.enums.indices.contains(i) ? program.enums[i].values : [])
        .joined(separator: ", ")
    case .set(let i):
      return "a list of: "
        + (program.enums.indices.contains(i) ? program.enums[i].values : [])
        .joined(separator: ", ")
    }
  }

  // MARK: The case file

  /// The case file the filled fields make, in declared order; a blank field is left out.
  func caseText(_ form: FormFields) -> String {
    var lines: [String] = []
    if let id = form.filled(Self.caseID).first {
      lines.append("case: " + YAMLText.quoted(id))
    }
    if let date = form.filled(Self.caseDate).first {
      lines.append("date: " + YAMLText.date(date))
    }
    if let assessor = form.filled(Self.caseAssessor).first {
      lines.append("assessor: " + YAMLText.quoted(assessor))
    }
    var sections: [String] = []
    var entries: [String: [String]] = [:]
    for field in fields {
      guard let entry = entry(field, form) else { continue }
      let section = field.finding.section ?? "findings"
      if entries[section] == nil { sections.append(section) }
      entries[section, default: []].append(entry)
    }
    if entries["findings"] == nil { lines.append("findings: {}") }
    let ordered = sections.filter { $0 == "findings" } + sections.filter { $0 != "findings" }
    for section in ordered {
      lines.append("\(section):")
      lines += entries[section] ?? []
    }
    if let notes = form.filled(Self.caseNotes).first {
      lines.append("notes: " + YAMLText.quoted(notes))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// One finding's line (or block) in the case, or nil when its field is blank. A scalar field
  /// sent twice becomes a list, which the checker refuses like any case would be.
  func entry(_ field: Field, _ form: FormFields) -> String? {
    let name = field.finding.name
    let values = form.filled(name)
    guard !values.isEmpty else { return nil }
    func scalar(_ write: (String) -> String) -> String {
      "  \(name): " + (values.count == 1 ? write(values[0]) : YAMLText.list(values.map(write)))
    }
    switch field.control {
    case .yesNo: return scalar(YAMLText.boolean)
    case .number: return scalar(YAMLText.number)
    case .date: return scalar(YAMLText.date)
    case .text: return scalar(YAMLText.quoted)
    case .choice(let options):
      return scalar { YAMLText.name($0, allowed: options.map(\.value)) }
    case .choices(let options):
      let chosen = values.filter { $0 != Self.noneValue }
      return "  \(name): "
        + YAMLText.list(chosen.map { YAMLText.name($0, allowed: options.map(\.value)) })
    case .records:
      let text = values.joined(separator: "\n")
      return "  \(name):\n" + YAMLText.block(text, indent: 4)
    }
  }

  /// The value of a set's "none of these" checkbox (an empty list); no enum value looks like it.
  static let noneValue = "[]"

  // MARK: The form

  /// The form, filled with `form`'s values (empty on a new page), every value escaped.
  func html(_ form: FormFields) -> String {
    let header = """
      <fieldset>
      <legend>Case</legend>
      \(input(Self.caseID, type: "text", label: "Case id", help: "Names the case in the report (pseudonymous).", value: form[Self.caseID] ?? "form-case"))
      \(input(Self.caseDate, type: "date", label: "Date of the assessment", help: "Optional.", value: form[Self.caseDate] ?? ""))
      \(input(Self.caseAssessor, type: "text", label: "Assessor", help: "Optional, pseudonymous.", value: form[Self.caseAssessor] ?? ""))
      <label for="\(Self.caseNotes)">Notes</label>
      <p class="help" id="\(Self.caseNotes)-help">Kept in the case, never evaluated.</p>
      <textarea id="\(Self.caseNotes)" name="\(Self.caseNotes)" aria-describedby="\(Self.caseNotes)-help" class="short">\(escape(form[Self.caseNotes] ?? ""))</textarea>
      </fieldset>
      """
    let sets = groups.map { group in
      "<fieldset>\n<legend>\(escape(group.legend)) (\(group.fields.count))</legend>\n"
        + group.fields.map { field($0, form) }.joined(separator: "\n") + "\n</fieldset>"
    }
    return """
      <form method="post" action="/evaluate/form">
      \(header)
      \(sets.joined(separator: "\n"))
      <button type="submit">Evaluate the form</button>
      </form>
      """
  }

  func escape(_ text: String) -> String { HTMLRenderer.escape(text) }

  /// A labelled input with its help.
  func input(_ id: String, type: String, label: String, help: String, value: String) -> String {
    """
    <label for="\(id)">\(escape(label))</label>
    <p class="help" id="\(id)-help">\(escape(help))</p>
    <input type="\(type)" id="\(id)" name="\(id)" value="\(escape(value))" aria-describedby="\(id)-help">
    """
  }

  /// The help of a finding: its question, its description, its range and unit.
  func help(_ finding: FindingInfo) -> String {
    var parts: [String] = []
    if let ask = finding.ask { parts.append(ask) }
    if !finding.description.isEmpty { parts.append(finding.description) }
    if let range = finding.range {
      parts.append(
        "From \(NumberText.format(range.lowerBound)) to \(NumberText.format(range.upperBound))"
          + (finding.unit.map { " \($0)" } ?? "") + ".")
    }
    return parts.joined(separator: " ")
  }

  /// One finding's field, filled with the values sent for it.
  func field(_ field: Field, _ form: FormFields) -> String {
    let finding = field.finding
    let name = finding.name
    let id = escape(Self.anchor + name)
    let sent = form.values(name)
    let first = sent.first ?? ""
    let unit = finding.unit.map { " (\(escape($0)))" } ?? ""
    let label = "<label for=\"\(id)\"><code>\(escape(name))</code>\(unit)</label>"
    let helpText = "<p class=\"help\" id=\"\(id)-help\">\(escape(help(finding)))</p>"
    let described = "aria-describedby=\"\(id)-help\""
    switch field.control {
    case .yesNo:
      let options = [Option(value: "true", label: "yes"), Option(value: "false", label: "no")]
      return label + "\n" + helpText + "\n"
        + select(id: id, name: name, options: options, chosen: first, described: described)
    case .choice(let options):
      return label + "\n" + helpText + "\n"
        + select(id: id, name: name, options: options, chosen: first, described: described)
    case .number(let integer):
      var attributes = "step=\"\(integer ? "1" : "any")\""
      if let range = finding.range {
        attributes +=
          " min=\"\(NumberText.format(range.lowerBound))\" max=\"\(NumberText.format(range.upperBound))\""
      }
      return label + "\n" + helpText + "\n"
        + "<input type=\"number\" id=\"\(id)\" name=\"\(escape(name))\" \(attributes) value=\"\(escape(first))\" \(described)>"
    case .date:
      return label + "\n" + helpText + "\n"
        + "<input type=\"date\" id=\"\(id)\" name=\"\(escape(name))\" value=\"\(escape(first))\" \(described)>"
    case .text:
      return label + "\n" + helpText + "\n"
        + "<input type=\"text\" id=\"\(id)\" name=\"\(escape(name))\" value=\"\(escape(first))\" \(described)>"
    case .records(let fields):
      let help =
        "<p class=\"help\" id=\"\(id)-help\">\(escape(self.help(finding))) One item per line, in YAML: <code>- {field: value, ...}</code>. Fields: \(escape(fields)).</p>"
      return label + "\n" + help + "\n"
        + "<textarea id=\"\(id)\" name=\"\(escape(name))\" class=\"short\" spellcheck=\"false\" \(described)>\(escape(sent.joined(separator: "\n")))</textarea>"
    case .choices(let options):
      var boxes = options + [Option(value: Self.noneValue, label: "none of these (an empty list)")]
      // A value sent that the vocabulary does not declare is shown (escaped), so that the
      // diagnostic about it can be read beside it.
      for value in sent where !value.isEmpty && !boxes.contains(where: { $0.value == value }) {
        boxes.append(Option(value: value, label: "\(value) (not in the vocabulary)"))
      }
      let items = boxes.enumerated().map { index, option in
        let box = "\(id)-\(index + 1)"
        let checked = sent.contains(option.value) ? " checked" : ""
        return
          "<li><input type=\"checkbox\" id=\"\(box)\" name=\"\(escape(name))\" value=\"\(escape(option.value))\"\(checked)> <label for=\"\(box)\" class=\"inline\">\(escape(option.label))</label></li>"
      }
      return """
        <fieldset id="\(id)" class="choices" \(described)>
        <legend><code>\(escape(name))</code></legend>
        \(helpText)
        <ul>
        \(items.joined(separator: "\n"))
        </ul>
        </fieldset>
        """
    }
  }

  /// A select with a "not assessed" first option; a value sent that is not an option is kept
  /// (escaped) as an extra option, so that the page shows what the diagnostic is about.
  func select(id: String, name: String, options: [Option], chosen: String, described: String)
    -> String
  {
    var all = options
    if !chosen.isEmpty, !options.contains(where: { $0.value == chosen }) {
      all.append(Option(value: chosen, label: "\(chosen) (not in the vocabulary)"))
    }
    let items = all.map { option in
      "<option value=\"\(escape(option.value))\"\(option.value == chosen ? " selected" : "")>\(escape(option.label))</option>"
    }
    return """
      <select id="\(id)" name="\(escape(name))" \(described)>
      <option value=""\(chosen.isEmpty ? " selected" : "")>not assessed</option>
      \(items.joined(separator: "\n"))
      </select>
      """
  }
}
