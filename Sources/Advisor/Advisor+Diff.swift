public import RuleDiagnostics
import RuleEngine
import RuleRender
import RuleWorkspace

extension Advisor {
  /// Evaluates `cases` with this pack (the old one) and with `new`, and lists every case whose
  /// picks, provisional status or alerts changed, with the rules that caused it.
  public func diff(against new: Advisor, cases: [SourceFile]) -> PackDiff {
    var changed: [PackDiff.CaseChange] = []
    var outputsChanged: [String: Int] = [:]
    var invalid: [String] = []
    for file in cases {
      // Evaluation only: the comparison needs no explanation.
      let before = evaluated(file)
      let after = new.evaluated(file)
      guard let old = before.value, let now = after.value else {
        let broken = before.value == nil ? "the old pack" : "the new pack"
        let diagnostics = before.value == nil ? before.diagnostics : after.diagnostics
        let message = diagnostics.first { $0.severity == .error }?.message ?? "invalid"
        if before.value == nil && after.value == nil {
          invalid.append("\(file.path): neither pack can read it: \(message)")
          continue
        }
        changed.append(
          PackDiff.CaseChange(
            case: caseID(before) ?? caseID(after) ?? file.path, file: file.path, outputs: [],
            alertsRaised: [], alertsDropped: [], rules: [],
            unreadable:
              "\(broken) cannot read it: \(message)"))
        continue
      }
      if let change = compare(old, with: now, in: new, file: file) {
        for output in change.outputs { outputsChanged[output.output, default: 0] += 1 }
        changed.append(change)
      }
    }
    return PackDiff(
      old: side(self), new: side(new), cases: cases.count, changed: changed,
      outputsChanged: outputsChanged, alertsDropped: changed.count { !$0.alertsDropped.isEmpty },
      alertsRaised: changed.count { !$0.alertsRaised.isEmpty }, rules: ruleChanges(new),
      invalid: invalid)

    func caseID(_ outcome: Diagnosed<Evaluated>) -> String? { outcome.value?.facts.caseID }
  }

  private func side(_ advisor: Advisor) -> PackDiff.PackSide {
    let pack = advisor.program.pack
    return PackDiff.PackSide(
      folder: advisor.folder.description, id: pack.id, version: pack.version, sha256: pack.sha256)
  }

  /// A pick list as text: names best first, `?` after a provisional pick.
  private static func picks(_ program: Program, _ evaluation: Evaluation, output: Int) -> [String] {
    let result = evaluation.outputs[output]
    return result.picked.map { v in
      program.outputs[output].values[v].name + (result.certainty[v] == .true ? "" : "?")
    }
  }

  private static func alerts(_ program: Program, _ evaluation: Evaluation) -> Set<String> {
    Set(evaluation.alerts.map { "\($0.severity.rawValue): \(program.alerts[$0.alert].name)" })
  }

  /// A case's facts and evaluation, without the explanation.
  struct Evaluated {
    var facts: CaseFacts
    var evaluation: Evaluation
  }

  func evaluated(_ file: SourceFile) -> Diagnosed<Evaluated> {
    let facts = facts(file)
    return Diagnosed(
      facts.value.map { Evaluated(facts: $0, evaluation: program.evaluate($0)) },
      facts.diagnostics)
  }

  private func compare(
    _ before: Evaluated, with after: Evaluated, in new: Advisor, file: SourceFile
  )
    -> PackDiff.CaseChange?
  {
    let oldProgram = program
    let newProgram = new.program
    var outputs: [PackDiff.OutputChange] = []
    var touched: Set<String> = []
    for (o, info) in newProgram.outputs.enumerated() {
      let now = Self.picks(newProgram, after.evaluation, output: o)
      let was =
        oldProgram.outputs.firstIndex { $0.name == info.name }
        .map { Self.picks(oldProgram, before.evaluation, output: $0) } ?? []
      if was != now {
        outputs.append(PackDiff.OutputChange(output: info.name, old: was, new: now))
        touched.insert(info.name)
      }
    }
    let oldAlerts = Self.alerts(oldProgram, before.evaluation)
    let newAlerts = Self.alerts(newProgram, after.evaluation)
    let raised = newAlerts.subtracting(oldAlerts).sorted()
    let dropped = oldAlerts.subtracting(newAlerts).sorted()
    guard !outputs.isEmpty || !raised.isEmpty || !dropped.isEmpty else { return nil }
    let alertNames = Set(
      (raised + dropped).map { $0.split(separator: " ").last.map(String.init) ?? $0 })
    return PackDiff.CaseChange(
      case: after.facts.caseID, file: file.path, outputs: outputs, alertsRaised: raised,
      alertsDropped: dropped,
      rules: causes(before, after, new: newProgram, outputs: touched, alerts: alertNames),
      unreadable: nil)
  }

  /// The rules whose truth or weight differs between the two evaluations and that act on a
  /// changed output, raise a changed alert, or conclude a derived finding; sorted by id.
  private func causes(
    _ before: Evaluated, _ after: Evaluated, new: Program, outputs: Set<String>,
    alerts: Set<String>
  ) -> [PackDiff.RuleChange] {
    let old = program
    func relevant(_ rule: Rule, _ program: Program) -> Bool {
      let acts = (rule.actions.suggest + rule.actions.exclude).contains {
        outputs.contains(program.outputs[$0.output].name)
      }
      return acts || !rule.actions.derive.isEmpty
        || rule.actions.alerts.contains { alerts.contains(program.alerts[$0].name) }
    }
    var changes: [PackDiff.RuleChange] = []
    let ids = Set(old.rules.map(\.id)).union(new.rules.map(\.id))
    for id in ids.sorted() {
      let o = old.rule(id: id)
      let n = new.rule(id: id)
      switch (o, n) {
      case (let o?, let n?):
        guard relevant(old.rules[o], old) || relevant(new.rules[n], new) else { continue }
        let was = before.evaluation.ruleTruth[o]
        let now = after.evaluation.ruleTruth[n]
        let oldWeight = old.rules[o].actions.weight
        let newWeight = new.rules[n].actions.weight
        if was != now {
          changes.append(PackDiff.RuleChange(rule: id, change: Self.truthChange(was, now)))
        } else if now == .true && oldWeight != newWeight {
          changes.append(
            PackDiff.RuleChange(
              rule: id,
              change: "weight \(NumberText.format(oldWeight)) -> \(NumberText.format(newWeight))"))
        }
      case (nil, let n?):
        let now = after.evaluation.ruleTruth[n]
        if now != .false && relevant(new.rules[n], new) {
          changes.append(PackDiff.RuleChange(rule: id, change: "added, \(Self.truthWord(now))"))
        }
      case (let o?, nil):
        let was = before.evaluation.ruleTruth[o]
        if was != .false && relevant(old.rules[o], old) {
          changes.append(
            PackDiff.RuleChange(rule: id, change: "removed (it \(Self.truthWord(was)))"))
        }
      case (nil, nil): break
      }
    }
    return changes
  }

  private static func truthWord(_ truth: Truth) -> String {
    switch truth {
    case .true: "fires"
    case .false: "does not fire"
    case .unknown: "is undetermined"
    }
  }

  private static func truthChange(_ was: Truth, _ now: Truth) -> String {
    switch (was, now) {
    case (_, .true): was == .unknown ? "now fires (was undetermined)" : "now fires"
    case (.true, _): now == .unknown ? "no longer fires (now undetermined)" : "no longer fires"
    case (.unknown, .false): "now fails (was undetermined)"
    default: "now undetermined (was failing)"
    }
  }

  /// Rules added, removed or changed between the packs, whatever the cases.
  private func ruleChanges(_ new: Advisor) -> PackDiff.PackChanges {
    let old = program
    let oldIDs = Set(old.rules.map(\.id))
    let newIDs = Set(new.program.rules.map(\.id))
    var changed: [PackDiff.RuleChange] = []
    for id in oldIDs.intersection(newIDs).sorted() {
      guard let o = old.rule(id: id), let n = new.program.rule(id: id) else { continue }
      let a = old.rules[o]
      let b = new.program.rules[n]
      var what: [String] = []
      if a.actions.weight != b.actions.weight {
        what.append(
          "weight \(NumberText.format(a.actions.weight)) -> \(NumberText.format(b.actions.weight))")
      }
      if a.status != b.status { what.append("status \(a.status.rawValue) -> \(b.status.rawValue)") }
      if a.conditions.map(\.text) != b.conditions.map(\.text) { what.append("conditions") }
      if actionNames(a, old) != actionNames(b, new.program) { what.append("actions") }
      if !what.isEmpty {
        changed.append(PackDiff.RuleChange(rule: id, change: what.joined(separator: ", ")))
      }
    }
    return PackDiff.PackChanges(
      added: newIDs.subtracting(oldIDs).sorted(), removed: oldIDs.subtracting(newIDs).sorted(),
      changed: changed)
  }

  /// A rule's actions by name (indices differ between packs).
  private func actionNames(_ rule: Rule, _ program: Program) -> [String] {
    rule.actions.suggest.map {
      "suggest \(program.outputs[$0.output].name).\(program.outputs[$0.output].values[$0.value].name)"
    }
      + rule.actions.exclude.map {
        "exclude \(program.outputs[$0.output].name).\(program.outputs[$0.output].values[$0.value].name)"
      }
      + rule.actions.alerts.map { "alert \(program.alerts[$0].name)" }
      + rule.actions.derive.map { "derive \(program.findings[$0].name)" }
  }
}
