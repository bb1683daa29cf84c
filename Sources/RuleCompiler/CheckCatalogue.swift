package import RuleDiagnostics
import RuleSyntax

/// Every diagnostic the check stage (names, types, graph) can report.
package enum CheckCatalogue {
  package static func unknownName(
    _ name: String, candidates: [String], constants: Set<String>, at location: SourceLocation
  )
    -> Diagnostic
  {
    let closest = Suggest.closest(to: name, in: candidates)
    let isConstant = closest.map { constants.contains($0) } ?? false
    return Diagnostic(
      .error, code: isConstant ? .unknownConstant : .unknownFinding,
      isConstant
        ? "unknown constant '\(name)'" : "unknown finding '\(name)'", at: location,
      hint: closest.map { "did you mean '\($0)'?" }
        ?? "declare it in the vocabulary or the constants, or quote it if it is text")
  }

  package static func unknownFinding(
    _ name: String, candidates: [String], at location: SourceLocation
  ) -> Diagnostic {
    Diagnostic(
      .error, code: .unknownFinding, "unknown finding '\(name)'", at: location,
      hint: Suggest.hint(for: name, in: candidates) ?? "declare it in the pack's vocabulary")
  }

  package static func unknownField(
    _ field: String, of owner: String, candidates: [String], at location: SourceLocation
  )
    -> Diagnostic
  {
    Diagnostic(
      .error, code: .unknownField, "'\(owner)' has no field '\(field)'", at: location,
      hint: Suggest.hint(for: field, in: candidates)
        ?? "fields: \(candidates.joined(separator: ", "))")
  }

  package static func unknownEnumValue(
    _ value: String, of owner: String, candidates: [String], at location: SourceLocation
  )
    -> Diagnostic
  {
    Diagnostic(
      .error, code: .unknownEnumValue, "'\(value)' is not a value of '\(owner)'", at: location,
      hint: Suggest.hint(for: value, in: candidates)
        ?? "values: \(candidates.joined(separator: ", "))")
  }

  package static func unknownOutput(
    _ name: String, candidates: [String], at location: SourceLocation
  ) -> Diagnostic {
    Diagnostic(
      .error, code: .unknownOutput, "unknown output '\(name)'", at: location,
      hint: Suggest.hint(for: name, in: candidates)
        ?? "outputs: \(candidates.joined(separator: ", "))")
  }

  package static func unknownOutputValue(
    _ value: String, output: String, candidates: [String], at location: SourceLocation
  )
    -> Diagnostic
  {
    Diagnostic(
      .error, code: .unknownOutputValue, "'\(value)' is not a value of output '\(output)'",
      at: location,
      hint: Suggest.hint(for: value, in: candidates)
        ?? "values: \(candidates.joined(separator: ", "))")
  }

  package static func unknownAlert(
    _ name: String, candidates: [String], at location: SourceLocation
  ) -> Diagnostic {
    Diagnostic(
      .error, code: .unknownAlert, "unknown alert '\(name)'", at: location,
      hint: Suggest.hint(for: name, in: candidates) ?? "declare it under 'alerts:'")
  }

  package static func unknownCitation(
    _ key: String, candidates: [String], at location: SourceLocation
  ) -> Diagnostic {
    Diagnostic(
      .error, code: .unknownCitation, "unknown citation key '\(key)'", at: location,
      hint: Suggest.hint(for: key, in: candidates) ?? "add it to 'references:' in pack.yaml")
  }

  package static func unknownRule(_ id: String, candidates: [String], at location: SourceLocation)
    -> Diagnostic
  {
    Diagnostic(
      .error, code: .unknownRule, "unknown rule '\(id)'", at: location,
      hint: Suggest.hint(for: id, in: candidates))
  }

  package static func typeMismatch(
    _ message: String, at location: SourceLocation, hint: String? = nil
  ) -> Diagnostic {
    Diagnostic(.error, code: .typeMismatch, message, at: location, hint: hint)
  }

  package static func outOfRange(
    _ value: String, of owner: String, range: ClosedRange<Double>, at location: SourceLocation
  )
    -> Diagnostic
  {
    Diagnostic(
      .error, code: .valueOutOfRange,
      "\(value) is outside the range of '\(owner)' [\(NumberText.format(range.lowerBound)), \(NumberText.format(range.upperBound))]",
      at: location, hint: "check the value, or the range declared in the vocabulary")
  }

  package static func derivedInCase(_ name: String, at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      .error, code: .derivedInCase,
      "'\(name)' is a derived finding: rules conclude it, a case cannot give it", at: location,
      hint: "remove it from the case and record the findings it is derived from")
  }

  package static func notDerived(_ name: String, at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      .error, code: .notDerived, "rule derives '\(name)', which is not a derived finding",
      at: location, hint: "mark it 'derived: true' in the vocabulary")
  }

  package static func neverDerived(_ name: String, at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      .warning, code: .neverDerived, "no rule derives '\(name)': it is always false",
      at: location, hint: "add a rule with 'derive: \(name)' or remove the finding")
  }

  package static func duplicateRule(
    _ id: String, at location: SourceLocation, first: SourceLocation
  ) -> Diagnostic {
    Diagnostic(
      .error, code: .duplicateRuleId, "rule id '\(id)' is used more than once", at: location,
      hint: "rule ids must be unique: rename one", notes: [.init("first used here", at: first)])
  }

  package static func duplicateName(
    _ kind: String, _ name: String, at location: SourceLocation, first: SourceLocation
  )
    -> Diagnostic
  {
    SyntaxCatalogue.duplicateName(kind, name, at: location, first: first)
  }

  package static func cycle(_ path: [String], at location: SourceLocation, notes: [Diagnostic.Note])
    -> Diagnostic
  {
    Diagnostic(
      .error, code: .dependencyCycle, "dependency cycle: \(path.joined(separator: " -> "))",
      at: location,
      hint:
        "a rule cannot depend, through derived findings or picked outputs, on its own conclusion",
      notes: notes)
  }

  package static func neverTrue(_ text: String, why: String, at location: SourceLocation)
    -> Diagnostic
  {
    Diagnostic(
      .warning, code: .neverTrue, "condition '\(text)' can never be true: \(why)", at: location,
      hint: "check the number against the declared range")
  }

  package static func reviewDue(_ id: String, due: String, at location: SourceLocation)
    -> Diagnostic
  {
    Diagnostic(
      .warning, code: .reviewDue, "rule '\(id)' was due for review on \(due)", at: location,
      hint: "review it, then set 'reviewed_on' to the day and 'review_due' to the next review")
  }

  package static func reviewerMissing(_ id: String, at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      .error, code: .reviewerMissing,
      "reviewed rule '\(id)' names no reviewer, and the pack asks for one (governance: strict)",
      at: location, hint: "add 'reviewed_by' (and 'reviewed_on'), or mark the rule draft")
  }

  package static func missingRationale(
    _ id: String, missing: [String], status: String, at location: SourceLocation
  )
    -> Diagnostic
  {
    Diagnostic(
      status == "reviewed" ? .error : .warning, code: .missingRationale,
      "\(status) rule '\(id)' has no \(missing.joined(separator: " and "))", at: location,
      hint: status == "reviewed"
        ? "a reviewed rule needs 'because' and 'cite'; mark it draft until it has them"
        : "add 'because' and 'cite' before marking it reviewed")
  }

  package static func unknownPlaceholder(
    _ name: String, candidates: [String], at location: SourceLocation
  ) -> Diagnostic {
    Diagnostic(
      .error, code: .unknownPlaceholder,
      "'{\(name)}' does not name a finding, a constant or a variable of this rule", at: location,
      hint: Suggest.hint(for: name, in: candidates))
  }

  package static func invalidInterval(_ message: String, at location: SourceLocation, hint: String?)
    -> Diagnostic
  {
    Diagnostic(
      .error, code: .invalidInterval, message, at: location,
      hint: hint ?? "write {between: [low, high]}, {at_least: n} or {at_most: n}")
  }

  package static func wrongSection(
    _ name: String, belongs section: String?, at location: SourceLocation
  ) -> Diagnostic {
    let home = section.map { "the \($0): section" } ?? "findings:"
    return Diagnostic(
      .error, code: .wrongSection,
      "'\(name)' is written under \(home == "findings:" ? "course:" : "findings:"), but it belongs under \(home)",
      at: location, hint: "move it under \(home)")
  }

  package static func notIncreasing(
    _ owner: String, value: String, previous: String, at location: SourceLocation,
    previousAt: SourceLocation?
  ) -> Diagnostic {
    Diagnostic(
      .error, code: .notIncreasing,
      "'\(owner)' must increase from one item to the next: \(value) follows \(previous)",
      at: location, hint: "check the order of the items and this value (no repeats)",
      notes: [Diagnostic.Note("the previous item's value", at: previousAt)])
  }

  package static func invalidDate(_ text: String, at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      .error, code: .invalidDate, "'\(text)' is not a date", at: location,
      hint: "write dates as YYYY-MM-DD, or YYYY-MM or YYYY when only the month or year is known")
  }

  package static func severityConflict(_ alert: String, at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      .error, code: .invalidValue, "alert '\(alert)' has an unknown severity", at: location,
      hint: "use info, warning or critical")
  }

  package static func extendsCycle(_ path: String, at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      .error, code: .extendsCycle, "pack '\(path)' is extended more than once or extends itself",
      at: location, hint: "remove the repeated or looping entry in 'extends'")
  }

  package static func extendsNotFound(
    _ path: String, hasFolder: Bool = false, at location: SourceLocation
  ) -> Diagnostic {
    Diagnostic(
      .error, code: .extendsNotFound,
      hasFolder
        ? "'\(path)' is a folder but not a pack (it has no 'pack.yaml')"
        : "no pack folder at '\(path)'", at: location,
      hint: "give the path of a pack folder (one with a 'pack.yaml'), relative to this pack")
  }

  package static func tooManyItems(
    _ owner: String, count: Int, limit: Int, at location: SourceLocation
  ) -> Diagnostic {
    Diagnostic(
      .error, code: .tooLarge,
      "'\(owner)' has \(count) items, more than the limit of \(limit); this is item \(limit + 1)",
      at: location, hint: "record the items that matter for the formulation")
  }

  package static func noRules(at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      .error, code: .noRules, "the pack has no rules, so it could never raise an alert",
      at: location,
      hint:
        "write rules under 'rules:' in a file beside 'pack.yaml' (such as rules/grief.yaml), and check that the files are there and readable"
    )
  }

}
