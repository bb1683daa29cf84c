import RuleDiagnostics

/// The messages of the deep lint (`LogicLint`): all warnings.
extension CheckCatalogue {
  static func unreachableRule(_ id: String, at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      .warning, code: .unreachableRule,
      "rule '\(id)' can never fire: its conditions contradict each other over the findings' values",
      at: location, hint: "check the comparisons of this rule against each other and the ranges")
  }

  static func redundantRule(_ id: String, other: String, at location: SourceLocation)
    -> Diagnostic
  {
    Diagnostic(
      .warning, code: .redundantRule,
      "rule '\(id)' is redundant: whenever it holds, '\(other)' holds and does the same",
      at: location,
      hint: "remove it, or give it a condition that '\(other)' does not have")
  }

  static func contradictoryRules(
    _ id: String, other: String, value: String, at location: SourceLocation
  ) -> Diagnostic {
    Diagnostic(
      .warning, code: .contradictoryRules,
      "rule '\(id)' suggests \(value), but whenever it holds '\(other)' excludes it", at: location,
      hint: "the suggestion can never count: narrow one of the two rules")
  }

  static func unreachableValue(
    _ output: String, _ value: String, total: Double, needed: Double, at location: SourceLocation
  ) -> Diagnostic {
    Diagnostic(
      .warning, code: .unreachableValue,
      "\(output): '\(value)' can never be picked: all its rules together give \(NumberText.format(total)) of the \(NumberText.format(needed)) points it needs",
      at: location, hint: "raise a rule's weight, add a rule, or lower the output's min_weight")
  }

  static func unsuggestedValue(_ output: String, _ value: String, at location: SourceLocation)
    -> Diagnostic
  {
    Diagnostic(
      .warning, code: .unsuggestedValue, "no rule suggests \(output): '\(value)'", at: location,
      hint: "add a rule that suggests it, or remove the value")
  }

  static func unusedFinding(_ name: String, at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      .warning, code: .unusedFinding, "no rule reads the finding '\(name)'", at: location,
      hint: "use it in a rule, remove it, or mark it 'record_only: true' if it is kept for people")
  }

  static func unusedDerived(_ name: String, at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      .warning, code: .unusedDerived, "no rule uses the derived finding '\(name)'", at: location,
      hint: "read it in a rule's condition, or remove it and the rules that derive it")
  }

  static func unusedConstant(_ name: String, at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      .warning, code: .unusedConstant, "the constant '\(name)' is never used", at: location,
      hint: "use it in a condition or a template, or remove it")
  }

  static func becauseUnread(_ id: String, finding: String, at location: SourceLocation)
    -> Diagnostic
  {
    Diagnostic(
      .warning, code: .becauseUnread,
      "the because of rule '\(id)' names '\(finding)', which its conditions never read",
      at: location,
      hint:
        "the explanation must rest on what the rule checked: read '\(finding)' in a condition or leave it out of 'because'"
    )
  }
}
