import RuleDiagnostics
import RuleEngine
import RuleSyntax

struct PackCompiler {
  var diagnostics: [Diagnostic] = []
  var findings: [FindingInfo] = []
  var findingSlots: [String: Int] = [:]
  var enums: [EnumType] = []
  var records: [RecordType] = []
  var constants: [String: (value: Value, type: ValueType, location: SourceLocation)] = [:]
  var constantOrder: [String] = []
  var outputs: [OutputInfo] = []
  var outputIndex: [String: Int] = [:]
  var outputValueIndex: [[String: Int]] = []
  var alerts: [AlertInfo] = []
  var alertIndex: [String: Int] = [:]
  var references: [String: (text: String, location: SourceLocation)] = [:]
  var declared: [String: SourceLocation] = [:]
  var options = CompileOptions()
  /// Constants named by some condition or template.
  var usedConstants: Set<String> = []
  /// Where each output value is declared, by output then value.
  var valueLocations: [[SourceLocation]] = []
  /// `governance: strict` in the manifest.
  var strictGovernance = false

  // Per rule, while compiling.
  var scope = RuleScope()
  var localCount = 0
  var readsFindings: Set<Int> = []
  var readsOutputs: Set<Int> = []
  /// Every finding's syntax by name, so a field can be `like` a finding declared after it.
  var findingSyntax: [String: FindingSyntax] = [:]
  /// Fields `like` a finding: the record, the field and the finding's name, resolved to a slot
  /// once every finding is declared.
  var pendingLikes: [(record: Int, field: Int, name: String)] = []

  mutating func compile(_ pack: PackSyntax, base: [PackSyntax], sha256: String) -> Program? {
    let all = base + [pack]
    for p in all { if let manifest = p.manifest { declareReferences(manifest) } }
    strictGovernance = pack.manifest?.governance?.value == "strict"
    for p in all { for c in p.constants { declareConstant(c) } }
    for p in all {
      for f in p.findings where findingSyntax[f.name.value] == nil {
        findingSyntax[f.name.value] = f
      }
    }
    for p in all { for f in p.findings { declareFinding(f) } }
    for pending in pendingLikes {
      guard let slot = findingSlots[pending.name] else { continue }
      var fields = records[pending.record].fields
      let f = fields[pending.field]
      fields[pending.field] = FieldInfo(
        name: f.name, type: f.type, range: f.range, unit: f.unit, description: f.description,
        ask: f.ask, like: slot, increasing: f.increasing, defaultValue: f.defaultValue)
      records[pending.record] = RecordType(owner: records[pending.record].owner, fields: fields)
    }
    for p in all { for o in p.outputs { declareOutput(o) } }
    for p in all { for a in p.alerts { declareAlert(a) } }
    var compiled: [(rule: Rule, reads: Set<Int>, outputs: Set<Int>)] = []
    var ruleIDs: [String: SourceLocation] = [:]
    for p in all {
      for syntax in p.rules {
        if let first = ruleIDs[syntax.id.value] {
          diagnostics.append(
            CheckCatalogue.duplicateRule(syntax.id.value, at: syntax.id.location, first: first))
          continue
        }
        ruleIDs[syntax.id.value] = syntax.id.location
        if let rule = compileRule(syntax), syntax.status?.value != .retired {
          compiled.append((rule, readsFindings, readsOutputs))
        }
      }
    }
    compiled.sort { $0.rule.id < $1.rule.id }
    for (slot, finding) in findings.enumerated() where finding.derived {
      if !compiled.contains(where: { $0.rule.actions.derive.contains(slot) }) {
        diagnostics.append(CheckCatalogue.neverDerived(finding.name, at: finding.location))
      }
    }
    guard let manifest = pack.manifest else { return nil }
    if options.analyse {
      diagnostics += LogicLint(
        compiled: compiled, findings: findings, outputs: outputs, alerts: alerts,
        valueLocations: valueLocations,
        constants: constantOrder.compactMap { name in constants[name].map { (name, $0.location) } },
        usedConstants: usedConstants,
        recordOnly: Set(findingSyntax.values.filter(\.recordOnly).map(\.name.value)),
        enumSizes: enums.map(\.values.count)
      ).run()
    }
    let defaultMode: PackMode = manifest.mode?.value == "release" ? .release : .full
    let mode = options.mode ?? defaultMode
    var skipped: [String] = []
    if mode == .release {
      let keep = Self.safetyRelevant(compiled, findings: findings, alerts: alerts)
      skipped = compiled.indices.filter { compiled[$0].rule.status == .draft && !keep[$0] }.map {
        compiled[$0].rule.id
      }
      let drop = Set(skipped)
      compiled.removeAll { drop.contains($0.rule.id) }
    }
    guard let (plan, strata) = buildPlan(compiled) else { return nil }
    var derivers = Array(repeating: [Int](), count: findings.count)
    var outputRules = Array(repeating: [Int](), count: outputs.count)
    for (index, entry) in compiled.enumerated() {
      for slot in entry.rule.actions.derive { derivers[slot].append(index) }
      let touched = Set(
        entry.rule.actions.suggest.map(\.output) + entry.rule.actions.exclude.map(\.output))
      for output in touched.sorted() { outputRules[output].append(index) }
    }
    let identity = PackIdentity(
      id: manifest.pack.value, version: manifest.version.value,
      title: manifest.title?.value ?? manifest.pack.value, sha256: sha256, mode: mode,
      defaultMode: defaultMode, skippedRules: skipped.sorted())
    return Program(
      pack: identity,
      references: references.keys.sorted().map {
        Reference(key: $0, text: references[$0]?.text ?? "")
      },
      findings: findings, enums: enums, records: records, outputs: outputs, alerts: alerts,
      constants: constantOrder.compactMap { name in constants[name].map { (name, $0.value) } },
      rules: compiled.map(\.rule), plan: plan, derivers: derivers, outputRules: outputRules,
      strata: strata)
  }

  /// A file's path relative to its pack folder, so the hash does not depend on where the pack is.
  static func relative(_ path: String, to directory: String) -> String {
    let prefix = directory.hasSuffix("/") ? directory : directory + "/"
    return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
  }

  // MARK: Declarations

  mutating func declare(_ kind: String, _ name: Located<String>, namespace: String) -> Bool {
    let key = "\(namespace):\(name.value)"
    if let first = declared[key] {
      diagnostics.append(
        CheckCatalogue.duplicateName(kind, name.value, at: name.location, first: first))
      return false
    }
    declared[key] = name.location
    return true
  }

  mutating func declareReferences(_ manifest: ManifestSyntax) {
    for (key, text) in manifest.references {
      if let first = references[key.value] {
        diagnostics.append(
          CheckCatalogue.duplicateName(
            "reference", key.value, at: key.location, first: first.location))
        continue
      }
      references[key.value] = (text, key.location)
    }
  }

  mutating func declareConstant(_ syntax: ConstantSyntax) {
    guard declare("constant", syntax.name, namespace: "name") else { return }
    switch syntax.value.value {
    case .number(let n): constants[syntax.name.value] = (.number(n), .number, syntax.name.location)
    case .boolean(let b):
      constants[syntax.name.value] = (.boolean(b), .boolean, syntax.name.location)
    }
    constantOrder.append(syntax.name.value)
  }

  mutating func resolveType(_ syntax: TypeSyntax, owner: String) -> (
    ValueType, ClosedRange<Double>?
  ) {
    let range = syntax.range.flatMap {
      $0.low.value <= $0.high.value ? $0.low.value...$0.high.value : nil
    }
    switch syntax.kind.value {
    case .boolean: return (.boolean, nil)
    case .integer: return (.integer, range)
    case .number: return (.number, range)
    case .string: return (.string, nil)
    case .date: return (.date, nil)
    case .enum, .set:
      enums.append(
        EnumType(owner: owner, values: syntax.values.map(\.value), labels: syntax.labels))
      return (
        syntax.kind.value == .enum ? .enumeration(enums.count - 1) : .set(enums.count - 1), nil
      )
    case .list:
      var fields: [FieldInfo] = []
      var seen: [String: SourceLocation] = [:]
      for field in syntax.fields {
        if let first = seen[field.name.value] {
          diagnostics.append(
            CheckCatalogue.duplicateName(
              "field", field.name.value, at: field.name.location, first: first))
          continue
        }
        seen[field.name.value] = field.name.location
        var type: ValueType
        var fieldRange: ClosedRange<Double>?
        var unit = field.type.unit
        var like: Int?
        if let name = field.like {
          // Recorded like a finding (declared anywhere): same type, range, unit and bands.
          guard let target = findingSyntax[name.value] else {
            diagnostics.append(
              CheckCatalogue.unknownFinding(
                name.value, candidates: findingSyntax.keys.sorted(), at: name.location))
            continue
          }
          let simple: [TypeSyntax.Kind] = [.boolean, .integer, .number, .date]
          guard simple.contains(target.type.kind.value) else {
            diagnostics.append(
              CheckCatalogue.typeMismatch(
                "a field can be 'like' a boolean, number or date finding; '\(name.value)' is a \(target.type.kind.value.rawValue)",
                at: name.location))
            continue
          }
          (type, fieldRange) = resolveType(target.type, owner: name.value)
          unit = target.type.unit
          like = nil
          pendingLikes.append((records.count, fields.count, name.value))
        } else {
          (type, fieldRange) = resolveType(field.type, owner: "\(owner).\(field.name.value)")
        }
        if field.increasing && !(Self.isNumeric(type) || type == .date) {
          diagnostics.append(
            CheckCatalogue.typeMismatch(
              "'increasing' applies to number and date fields; '\(field.name.value)' is \(withArticle(type))",
              at: field.name.location))
        }
        let defaultValue = field.defaultValue.flatMap {
          fieldDefault($0, type: type, range: fieldRange, owner: "\(owner).\(field.name.value)")
        }
        fields.append(
          FieldInfo(
            name: field.name.value, type: type, range: fieldRange, unit: unit,
            description: field.description, ask: field.ask, like: like,
            increasing: field.increasing, defaultValue: defaultValue))
      }
      records.append(RecordType(owner: owner, fields: fields))
      return (.list(records.count - 1), nil)
    }
  }

  mutating func declareFinding(_ syntax: FindingSyntax) {
    guard declare("finding", syntax.name, namespace: "name") else { return }
    let (type, range) = resolveType(syntax.type, owner: syntax.name.value)
    var bands: [ScoreBand] = []
    for (label, from) in syntax.bands {
      if let previous = bands.last, from.value <= previous.from {
        diagnostics.append(
          CheckCatalogue.typeMismatch(
            "band '\(label.value)' must start above '\(previous.label)' (\(NumberText.format(previous.from)))",
            at: from.location, hint: "list bands from the lowest score up"))
        continue
      }
      if let range, !range.contains(from.value) {
        diagnostics.append(
          CheckCatalogue.outOfRange(
            NumberText.format(from.value), of: syntax.name.value, range: range,
            at: from.location))
        continue
      }
      bands.append(ScoreBand(label: label.value, from: from.value))
    }
    if syntax.derived, let section = syntax.section {
      diagnostics.append(
        CheckCatalogue.typeMismatch(
          "a derived finding is never written in a case, so it has no section", at: section.location
        ))
    }
    findingSlots[syntax.name.value] = findings.count
    findings.append(
      FindingInfo(
        name: syntax.name.value, type: type, range: range, unit: syntax.type.unit,
        description: syntax.description?.value ?? "", ask: syntax.ask?.value,
        derived: syntax.derived, location: syntax.name.location,
        priority: syntax.priority?.value ?? 0, section: syntax.section?.value, bands: bands))
  }

  /// A field's `default:`, checked against its type (booleans, numbers, enum values, text).
  mutating func fieldDefault(
    _ node: DataNode, type: ValueType, range: ClosedRange<Double>?, owner: String
  ) -> Value? {
    guard case .scalar(let text, let quoted) = node.kind else {
      diagnostics.append(
        CheckCatalogue.typeMismatch(
          "the default of '\(owner)' must be a single value", at: node.location))
      return nil
    }
    switch type {
    case .boolean:
      if !quoted, let b = ScalarText.boolean(text) { return .boolean(b) }
    case .integer, .number:
      if !quoted, let n = ScalarText.number(text), type == .number || n == n.rounded() {
        if let range, !range.contains(n) {
          diagnostics.append(
            CheckCatalogue.outOfRange(text, of: owner, range: range, at: node.location))
          return nil
        }
        return .number(n)
      }
    case .enumeration(let id):
      if let index = enums[id].values.firstIndex(of: text) { return .enumValue(index) }
      diagnostics.append(
        CheckCatalogue.unknownEnumValue(
          text, of: owner, candidates: enums[id].values, at: node.location))
      return nil
    case .string:
      return .string(text)
    default:
      break
    }
    diagnostics.append(
      CheckCatalogue.typeMismatch(
        "the default of '\(owner)' must be \(withArticle(type))", at: node.location))
    return nil
  }

  mutating func checkCitations(_ keys: [Located<String>]) {
    for key in keys where references[key.value] == nil {
      diagnostics.append(
        CheckCatalogue.unknownCitation(
          key.value, candidates: references.keys.sorted(), at: key.location))
    }
  }

  mutating func declareOutput(_ syntax: OutputSyntax) {
    guard declare("output", syntax.name, namespace: "output") else { return }
    var values: [OutputValueInfo] = []
    var index: [String: Int] = [:]
    var seen: [String: SourceLocation] = [:]
    var locations: [SourceLocation] = []
    for value in syntax.values {
      if let first = seen[value.name.value] {
        diagnostics.append(
          CheckCatalogue.duplicateName(
            "value", value.name.value, at: value.name.location, first: first))
        continue
      }
      seen[value.name.value] = value.name.location
      checkCitations(value.cite)
      index[value.name.value] = values.count
      values.append(
        OutputValueInfo(
          name: value.name.value, label: value.label ?? value.name.value,
          description: value.description, cite: value.cite.map(\.value)))
      locations.append(value.name.location)
    }
    outputIndex[syntax.name.value] = outputs.count
    outputValueIndex.append(index)
    valueLocations.append(locations)
    outputs.append(
      OutputInfo(
        name: syntax.name.value, title: syntax.title?.value ?? syntax.name.value,
        max: syntax.max?.value, minWeight: syntax.minWeight?.value ?? 1, values: values))
  }

  mutating func declareAlert(_ syntax: AlertSyntax) {
    guard declare("alert", syntax.name, namespace: "alert") else { return }
    checkCitations(syntax.cite)
    guard let severity = AlertSeverity(rawValue: syntax.severity.value) else { return }
    alertIndex[syntax.name.value] = alerts.count
    alerts.append(
      AlertInfo(
        name: syntax.name.value, severity: severity,
        label: syntax.label?.value ?? syntax.name.value,
        description: syntax.description, cite: syntax.cite.map(\.value)))
  }

  // MARK: Rules

  mutating func resolveOutputValue(_ ref: OutputReference) -> (output: Int, value: Int)? {
    guard let output = outputIndex[ref.output.value] else {
      diagnostics.append(
        CheckCatalogue.unknownOutput(
          ref.output.value, candidates: outputs.map(\.name), at: ref.output.location))
      return nil
    }
    guard let value = outputValueIndex[output][ref.value.value] else {
      diagnostics.append(
        CheckCatalogue.unknownOutputValue(
          ref.value.value, output: ref.output.value, candidates: outputs[output].values.map(\.name),
          at: ref.value.location))
      return nil
    }
    return (output, value)
  }

  mutating func compileRule(_ syntax: RuleSyntax) -> Rule? {
    scope = RuleScope()
    localCount = 0
    readsFindings = []
    readsOutputs = []
    let firstDiagnostic = diagnostics.count
    var conditions: [Condition] = []
    for item in syntax.when {
      let firstLocal = localCount
      let outputsBefore = readsOutputs
      readsOutputs = []
      if let condition = compileCondition(item) {
        conditions.append(
          Condition(
            text: condition.text, location: condition.location, node: condition.node,
            locals: firstLocal..<localCount, pickedOutputs: readsOutputs.sorted()))
      }
      readsOutputs.formUnion(outputsBefore)
    }
    let suggest = syntax.suggest.compactMap { resolveOutputValue($0) }
    let exclude = syntax.exclude.compactMap { resolveOutputValue($0) }
    var derive: [Int] = []
    for name in syntax.derive {
      guard let slot = findingSlots[name.value] else {
        diagnostics.append(
          CheckCatalogue.unknownFinding(name.value, candidates: derivedNames, at: name.location))
        continue
      }
      if !findings[slot].derived {
        diagnostics.append(CheckCatalogue.notDerived(name.value, at: name.location))
        continue
      }
      derive.append(slot)
    }
    var alertList: [Int] = []
    for name in syntax.alerts {
      guard let index = alertIndex[name.value] else {
        diagnostics.append(
          CheckCatalogue.unknownAlert(name.value, candidates: alerts.map(\.name), at: name.location)
        )
        continue
      }
      alertList.append(index)
    }
    checkCitations(syntax.cite)
    let status = syntax.status?.value ?? .draft
    checkGovernance(syntax, status: status)
    var missing: [String] = []
    if syntax.because == nil { missing.append("'because'") }
    if syntax.cite.isEmpty { missing.append("'cite'") }
    if !missing.isEmpty && status != .retired {
      diagnostics.append(
        CheckCatalogue.missingRationale(
          syntax.id.value, missing: missing, status: status.rawValue, at: syntax.id.location))
    }
    let because = syntax.because.flatMap { compileTemplate($0) }
    let teach = syntax.teach.flatMap { compileTemplate($0) }
    guard !diagnostics[firstDiagnostic...].contains(where: { $0.severity == .error }) else {
      return nil
    }
    return Rule(
      id: syntax.id.value, title: syntax.title?.value ?? syntax.id.value, conditions: conditions,
      actions: RuleActions(
        suggest: suggest, weight: syntax.weight?.value ?? 1, derive: derive, alerts: alertList,
        exclude: exclude),
      because: because, teach: teach, cite: syntax.cite.map(\.value),
      status: Rule.Status(rawValue: status.rawValue) ?? .draft,
      author: syntax.author, location: syntax.id.location, localCount: localCount,
      localNames: scope.all.map(\.name), localLists: scope.all.map(\.list))
  }

  var derivedNames: [String] { findings.filter(\.derived).map(\.name) }

  mutating func compileCondition(_ syntax: ConditionSyntax) -> Condition? {
    switch syntax {
    case .expression(let text):
      guard let expression = text.expression,
        let node = compileBool(expression, text)
      else { return nil }
      return Condition(text: text.text.value, location: text.text.location, node: node)
    case .all(let items, let location), .any(let items, let location):
      let parts = items.compactMap { compileCondition($0) }
      guard parts.count == items.count else { return nil }
      let isAll: Bool
      if case .all = syntax { isAll = true } else { isAll = false }
      let text = "\(isAll ? "all" : "any") of (\(parts.map(\.text).joined(separator: "; ")))"
      let nodes = parts.map(\.node)
      return Condition(
        text: text, location: location,
        node: Node(isAll ? .and(nodes) : .or(nodes), type: .boolean, text: text, location: location)
      )
    case .not(let inner, let location):
      guard let part = compileCondition(inner) else { return nil }
      let text = "not (\(part.text))"
      return Condition(
        text: text, location: location,
        node: Node(.not(part.node), type: .boolean, text: text, location: location))
    }
  }

  /// Review dates must be dates; a review that is due is a warning; under `governance: strict` a
  /// reviewed rule must name its reviewer.
  mutating func checkGovernance(_ syntax: RuleSyntax, status: RuleStatus) {
    for date in [syntax.reviewedOn, syntax.reviewDue].compactMap({ $0 })
    where CaseCompiler.days(fromISODate: date.value) == nil {
      diagnostics.append(CheckCatalogue.invalidDate(date.value, at: date.location))
    }
    if status != .retired, let due = syntax.reviewDue,
      let day = CaseCompiler.days(fromISODate: due.value), let today = options.today, day <= today
    {
      diagnostics.append(
        CheckCatalogue.reviewDue(syntax.id.value, due: due.value, at: due.location))
    }
    if strictGovernance && status == .reviewed && syntax.reviewedBy == nil {
      diagnostics.append(CheckCatalogue.reviewerMissing(syntax.id.value, at: syntax.id.location))
    }
  }

  /// Rules that safety depends on: every rule that raises a warning or critical alert or excludes
  /// a value (a contraindication), and, through the derived findings and picks they read, every
  /// rule those depend on. Release mode never leaves them out: it may suggest less than the full
  /// pack, never warn less or allow more (an advisory, `info`, is not a safety gate).
  static func safetyRelevant(
    _ compiled: [(rule: Rule, reads: Set<Int>, outputs: Set<Int>)], findings: [FindingInfo],
    alerts: [AlertInfo]
  ) -> [Bool] {
    var keep = compiled.map { entry in
      entry.rule.actions.alerts.contains { alerts[$0].severity != .info }
        || !entry.rule.actions.exclude.isEmpty
    }
    var changed = true
    while changed {
      changed = false
      var readSlots: Set<Int> = []
      var readOutputs: Set<Int> = []
      for (index, entry) in compiled.enumerated() where keep[index] {
        readSlots.formUnion(entry.reads.filter { findings[$0].derived })
        readOutputs.formUnion(entry.outputs)
      }
      for (index, entry) in compiled.enumerated() where !keep[index] {
        let actions = entry.rule.actions
        let feeds =
          actions.derive.contains { readSlots.contains($0) }
          || (actions.suggest + actions.exclude).contains { readOutputs.contains($0.output) }
        if feeds {
          keep[index] = true
          changed = true
        }
      }
    }
    return keep
  }
}
