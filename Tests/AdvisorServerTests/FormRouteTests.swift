import Advisor
@testable import AdvisorServer
import Foundation
import Hummingbird
import HummingbirdTesting
import RuleDiagnostics
import RuleEngine
import RuleRender
import Testing

/// The forms made from the pack: the Evaluate page's case form (`POST /evaluate/form`) and the
/// Check page's formulation form (`POST /check/form`).
@Suite("Forms made from the pack")
struct FormRouteTests {
  static let payload = "<script>alert('x')</script>"

  /// The fields of c09 (a suicide plan after a partner's death), as the form sends them.
  static let suicidalGrief: [(String, String)] = [
    ("case-id", "form-c09"), ("age", "58"), ("sex", "male"), ("suicidality", "plan"),
    ("phq9", "22"), ("phq9_item9", "3"), ("psychosis", "false"),
    ("diagnoses", "major_depression"), ("onset_months_ago", "2"),
    ("life_events", "- {kind: death, who: partner, months_ago: 3}\r\n"),
    // Blank fields are "not assessed".
    ("homicidal_ideation", ""), ("hamd17", " "),
  ]

  /// The `<details>` block holding the file a form made, unescaped.
  static func generated(_ html: String) throws -> String {
    let block = try #require(html.firstMatch(of: /<pre><code>([^<]*)<\/code><\/pre>/)).output.1
    return String(block).replacingOccurrences(of: "&quot;", with: "\"")
      .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&lt;", with: "<")
      .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
  }

  @Test("every finding a case may give has a labelled field with its help, grouped in fieldsets")
  func formFields() async throws {
    let program = try ServerHarness.advisor().program
    try await ServerHarness().test { client in
      try await client.execute(uri: "/evaluate", method: .get) {
        let html = $0.text
        for finding in program.findings {
          let id = "field-\(finding.name)"
          #expect(html.contains("id=\"\(id)\"") != finding.derived, "\(finding.name)")
          guard !finding.derived else { continue }
          #expect(html.contains("aria-describedby=\"\(id)-help\""), "\(finding.name)")
          if let ask = finding.ask {
            #expect(html.contains(HTMLRenderer.escape(ask)), "\(finding.name)")
          }
        }
        // Types become the right controls.
        #expect(html.contains("<select id=\"field-suicidality\" name=\"suicidality\""))
        #expect(html.contains("<option value=\"plan\">a suicide plan</option>"))
        #expect(html.contains("<option value=\"\" selected>not assessed</option>"))
        #expect(
          html.contains(
            "<input type=\"number\" id=\"field-age\" name=\"age\" step=\"1\" min=\"0\" max=\"120\"")
        )
        #expect(html.contains("<fieldset id=\"field-diagnoses\""))
        #expect(html.contains("type=\"checkbox\" id=\"field-diagnoses-1\" name=\"diagnoses\""))
        #expect(html.contains("<textarea id=\"field-life_events\""))
        // Safety first: the critical findings' fieldset comes before the others.
        let critical = try #require(html.range(of: "<legend>Could raise a critical alert"))
        let other = try #require(html.range(of: "<legend>Other findings"))
        #expect(critical.lowerBound < other.lowerBound)
        let suicidality = try #require(html.range(of: "id=\"field-suicidality\""))
        #expect(critical.lowerBound < suicidality.lowerBound)
        #expect(suicidality.lowerBound < other.lowerBound)
        #expect(html.contains("<legend>Written under &#39;course:&#39;"))
        // Selects are labelled too.
        for id in html.matches(of: /<select [^>]*id="([^"]+)"/).map(\.output.1) {
          #expect(html.contains("<label for=\"\(id)\""), "\(id)")
        }
      }
    }
  }

  @Test(
    "a filled form is evaluated: the critical alert comes before any pick, the form is refilled")
  func formEvaluation() async throws {
    try await ServerHarness().test { client in
      try await client.execute(
        uri: "/evaluate/form", method: .post, headers: formHeaders,
        body: formBody(Self.suicidalGrief)
      ) {
        #expect($0.status == .ok)
        let html = $0.text
        let alert = try #require(html.range(of: "tone-critical"))
        let focus = try #require(html.range(of: "Problem-area focus"))
        #expect(alert.lowerBound < focus.lowerBound)
        #expect(html.contains("acute_suicide_risk"))
        // The case the form made, to copy, collapsed; blank fields are left out.
        #expect(html.contains("<details>\n<summary>The case file the form made (YAML)"))
        let yaml = try Self.generated(html)
        #expect(yaml.hasPrefix("case: \"form-c09\"\nfindings:\n"))
        #expect(yaml.contains("  suicidality: plan\n"))
        #expect(yaml.contains("  phq9: 22\n"))
        #expect(yaml.contains("  diagnoses: [major_depression]\n"))
        #expect(yaml.contains("  life_events:\n    - {kind: death, who: partner, months_ago: 3}\n"))
        #expect(!yaml.contains("homicidal_ideation") && !yaml.contains("hamd17"))
        // The form comes back filled.
        #expect(html.contains("<option value=\"plan\" selected>"))
        #expect(html.contains("name=\"phq9\" step=\"1\" min=\"0\" max=\"27\" value=\"22\""))
        #expect(html.contains("value=\"major_depression\" checked>"))
        #expect(html.contains("value=\"form-c09\""))
      }
    }
  }

  @Test("the same case from the form and from a paste gives the same report")
  func formMatchesPaste() async throws {
    let advisor = try ServerHarness.advisor()
    let form = CaseForm(advisor: advisor)
    let yaml = form.caseText(FormFields(Self.suicidalGrief.map { ($0.0, $0.1) }))
    let fromForm = try #require(advisor.evaluate(SourceFile(path: "x", text: yaml)).value)
    #expect(fromForm.report.alerts.map(\.id).contains("acute_suicide_risk"))
    #expect(fromForm.report.case.id == "form-c09")
  }

  @Test("what to ask next links every question to its field of the form")
  func askNextAnchors() async throws {
    try await ServerHarness().test { client in
      for (uri, body) in [
        ("/evaluate/form", formBody([("case-id", "sparse"), ("phq9", "12")])),
        (
          "/evaluate",
          formBody([
            ("case", try ServerHarness.text("rules/ipt-core/cases/c08-mostly-missing-data.yaml"))
          ])
        ),
      ] {
        try await client.execute(uri: uri, method: .post, headers: formHeaders, body: body) {
          #expect($0.status == .ok, "\(uri)")
          let html = $0.text
          let asked = try #require(html.range(of: "What to ask next</h3>"), "\(uri)")
          let links = html[asked.upperBound...].matches(of: /<a href="#(field-[A-Za-z0-9_]+)">/)
            .map { String($0.output.1) }
          #expect(links.count >= 5, "\(uri)")
          #expect(links.contains("field-suicidality") || links.contains("field-age"), "\(uri)")
          for target in Set(html.matches(of: /href="#(field-[^"]+)"/).map { String($0.output.1) }) {
            #expect(html.contains("id=\"\(target)\""), "\(uri): \(target) has no field")
          }
        }
      }
    }
  }

  @Test("values the vocabulary does not allow are refused with diagnostics, escaped")
  func formRefusesBadValues() async throws {
    let advisor = try ServerHarness.advisor()
    let form = CaseForm(advisor: advisor)
    // A script payload in every field of the form at once.
    var fields: [(String, String)] = [
      (CaseForm.caseID, Self.payload), (CaseForm.caseDate, Self.payload),
      (CaseForm.caseAssessor, Self.payload), (CaseForm.caseNotes, Self.payload),
    ]
    fields += form.fields.map { ($0.finding.name, Self.payload) }
    let body = formBody(fields)
    try await ServerHarness().test { client in
      try await client.execute(
        uri: "/evaluate/form", method: .post, headers: formHeaders, body: body
      ) {
        #expect($0.status == .badRequest)
        let html = $0.text
        #expect(!html.contains("<script"))
        #expect(html.contains("role=\"alert\""))
        #expect(html.contains("[unknown-enum-value]"))
        #expect(html.contains("[type-mismatch]"))
        #expect(html.contains("[invalid-date]"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        // The case the form made is shown open, beside its problems; every value quoted.
        #expect(html.contains("<details open>"))
        let yaml = try Self.generated(html)
        #expect(yaml.contains("  suicidality: \"<script>alert('x')</script>\"\n"))
        #expect(yaml.contains("  phq9: \"<script>alert('x')</script>\"\n"))
        // A value that is not an option is shown, escaped, as the chosen one.
        #expect(
          html.contains(
            "<option value=\"&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;\" selected>"))
      }
      // One value the vocabulary does not declare: the diagnostic names the field and its values.
      try await client.execute(
        uri: "/evaluate/form", method: .post, headers: formHeaders,
        body: formBody([("case-id", "x"), ("suicidality", "sometimes"), ("phq9", "99")])
      ) {
        #expect($0.status == .badRequest)
        #expect(
          $0.text.contains(
            "[unknown-enum-value] &#39;sometimes&#39; is not a value of &#39;suicidality&#39;"))
        #expect($0.text.contains("[value-out-of-range]"))
      }
      // A scalar field sent twice is refused, not silently merged.
      try await client.execute(
        uri: "/evaluate/form", method: .post, headers: formHeaders,
        body: formBody([("case-id", "x"), ("phq9", "3"), ("phq9", "4")])
      ) {
        #expect($0.status == .badRequest)
      }
    }
  }

  @Test("quoted values cannot change the case file's structure")
  func quoting() {
    #expect(YAMLText.quoted("a\"b\\c\nd\u{0}e\u{2028}") == "\"a\\\"b\\\\c\\nd\\u0000e\\u2028\"")
    #expect(YAMLText.number("12.5") == "12.5")
    #expect(YAMLText.number("1: 2") == "\"1: 2\"")
    #expect(YAMLText.boolean("yes") == "\"yes\"")
    #expect(YAMLText.date("2026-03") == "2026-03")
    #expect(YAMLText.name("plan", allowed: ["plan"]) == "plan")
    #expect(YAMLText.name("null", allowed: ["plan"]) == "\"null\"")
    #expect(YAMLText.block("- a\n\n  - b", indent: 4) == "    - a\n\n      - b")
  }

  // MARK: Check

  /// f01's choices, as the formulation form sends them, with c01 pasted.
  static func agreeing() throws -> [(String, String)] {
    [
      (
        FormulationForm.caseFile,
        try ServerHarness.text("rules/ipt-core/cases/c01-grief-recent-death.yaml")
      ),
      (FormulationForm.by, "trainee-04"), ("focus", "grief"), ("variant", "ipt_d"),
      ("technique", "encouragement_of_affect"), ("technique", "clarification"),
      ("dispute_stage", ""), (FormulationForm.rationale, "A death, a month before onset."),
    ]
  }

  @Test("the check page's form has a field per output of the pack")
  func formulationFormFields() async throws {
    let program = try ServerHarness.advisor().program
    try await ServerHarness().test { client in
      try await client.execute(uri: "/check", method: .get) {
        let html = $0.text
        for output in program.outputs {
          if output.max == 1 {
            #expect(html.contains("<select id=\"output-\(output.name)\" name=\"\(output.name)\""))
          } else {
            #expect(html.contains("<fieldset id=\"output-\(output.name)\""), "\(output.name)")
          }
          for value in output.values {
            #expect(html.contains("value=\"\(value.name)\""), "\(output.name): \(value.name)")
          }
        }
        for alert in program.alerts {
          #expect(html.contains("name=\"formulation-alerts\" value=\"\(alert.name)\""))
        }
        #expect(html.contains("<form method=\"post\" action=\"/check/form\">"))
      }
    }
  }

  @Test("a filled formulation form is checked against its case, named by the case's id")
  func formulationForm() async throws {
    try await ServerHarness().test { client in
      try await client.execute(
        uri: "/check/form", method: .post, headers: formHeaders, body: formBody(try Self.agreeing())
      ) {
        #expect($0.status == .ok)
        let html = $0.text
        #expect(html.contains("<article"))
        #expect(html.localizedCaseInsensitiveContains("agreed"))
        let yaml = try Self.generated(html)
        #expect(
          yaml
            == """
            formulation: "c01-grief-recent-death"
            by: "trainee-04"
            focus: [grief]
            technique: [encouragement_of_affect, clarification]
            variant: ipt_d
            rationale: "A death, a month before onset."

            """)
        #expect(html.contains("<option value=\"ipt_d\" selected>"))
        #expect(html.contains("value=\"clarification\" checked>"))
      }
    }
  }

  @Test("the formulation form refuses values the pack does not declare, and a case with errors")
  func formulationFormErrors() async throws {
    let program = try ServerHarness.advisor().program
    try await ServerHarness().test { client in
      var fields = try Self.agreeing().filter { $0.0 == FormulationForm.caseFile }
      fields += [
        (FormulationForm.by, Self.payload), (FormulationForm.alerts, Self.payload),
        (FormulationForm.rationale, Self.payload),
      ]
      fields += program.outputs.map { ($0.name, Self.payload) }
      try await client.execute(
        uri: "/check/form", method: .post, headers: formHeaders, body: formBody(fields)
      ) {
        #expect($0.status == .badRequest)
        let html = $0.text
        #expect(!html.contains("<script"))
        #expect(html.contains("[unknown-output-value]"))
        #expect(html.contains("[unknown-alert]"))
        #expect(html.contains("&lt;script&gt;"))
      }
      try await client.execute(
        uri: "/check/form", method: .post, headers: formHeaders,
        body: formBody([(FormulationForm.caseFile, "case: x\nfindings: {\(Self.payload): 1}\n")])
      ) {
        #expect($0.status == .badRequest)
        #expect(!$0.text.contains("<script"))
        #expect($0.text.contains("[unknown-finding]"))
      }
    }
  }
}
