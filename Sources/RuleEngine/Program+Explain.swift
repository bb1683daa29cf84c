import RuleDiagnostics

extension Program {
  /// EXPLAIN: traces every rule and works out how, why not, rivals and what to ask next.
  public func explain(_ facts: CaseFacts, _ evaluation: Evaluation) -> Explanation {
    let picked = evaluation.outputs.map(\.pickedTruth)
    var interpreter = Interpreter(code: code, tracer: RecordingTracer())
    var traces = rules.indices.map {
      trace(
        rule: $0, facts: facts, evaluation: evaluation, picked: picked, interpreter: &interpreter)
    }
    // Missing base findings, through derived findings.
    var memo: [Int: [Int]] = [:]
    for index in traces.indices where traces[index].truth == .unknown {
      var visiting: Set<Int> = []
      traces[index].missing = missingFindings(
        rule: index, traces: traces, evaluation: evaluation, memo: &memo, visiting: &visiting)
    }
    let outputExplanations = outputs.indices.map {
      explainOutput($0, evaluation: evaluation, traces: traces)
    }
    let firedAlerts = Set(evaluation.alerts.map(\.alert))
    var possible: [PossibleAlert] = []
    for alert in alerts.indices where !firedAlerts.contains(alert) {
      let undetermined = raises.filter { $0.alert == alert && traces[$0.rule].truth == .unknown }
        .map(\.rule)
      if !undetermined.isEmpty {
        let missing = Set(undetermined.flatMap { traces[$0].missing }).sorted()
        possible.append(PossibleAlert(alert: alert, rules: undetermined, missing: missing))
      }
    }
    let ranks = alerts.map(\.severity.rank)
    possible.sort { (ranks[$0.alert], -$0.alert) > (ranks[$1.alert], -$1.alert) }
    return Explanation(
      caseID: facts.caseID, evaluation: evaluation, rules: traces, outputs: outputExplanations,
      possibleAlerts: possible,
      askNext: askNext(traces: traces, evaluation: evaluation, firedAlerts: firedAlerts))
  }

  /// Re-evaluates one rule's conditions one by one, recording what each read.
  public func trace(rule index: Int, facts: CaseFacts, evaluation: Evaluation) -> RuleTrace {
    var interpreter = Interpreter(code: code, tracer: RecordingTracer())
    return trace(
      rule: index, facts: facts, evaluation: evaluation,
      picked: evaluation.outputs.map(\.pickedTruth), interpreter: &interpreter)
  }

  /// `trace(rule:facts:evaluation:)` with the picks' truths worked out once for every rule and
  /// one recording interpreter for every condition (its buffer of reads is reused).
  private func trace(
    rule index: Int, facts: CaseFacts, evaluation: Evaluation, picked: [[Truth]],
    interpreter: inout Interpreter<RecordingTracer>
  ) -> RuleTrace {
    // The rule and its conditions are read in place: copying them costs more than tracing.
    let localCount = rules[index].localCount
    var state = EvaluationState(
      facts: evaluation.facts, locals: Array(repeating: nil, count: localCount),
      localElements: Array(repeating: 0, count: localCount), picked: picked)
    let roots = code.roots[index]
    var premises: [Premise] = []
    premises.reserveCapacity(roots.count)
    var bindings: [Binding] = []
    for (position, root) in roots.enumerated() {
      interpreter.tracer.reads.removeAll(keepingCapacity: true)
      let result = interpreter.truth(root, &state)
      premises.append(
        Premise(
          text: rules[index].conditions[position].text,
          location: rules[index].conditions[position].location, truth: result,
          observations: observations(
            interpreter.tracer.reads, facts: facts, rule: index, truth: result)))
      if result == .true {
        bindings += boundVariables(
          rules[index].conditions[position].locals, rule: index, state: state, facts: facts)
      }
      for local in 0..<localCount { state.locals[local] = nil }
    }
    return RuleTrace(
      rule: index, truth: evaluation.ruleTruth[index], premises: premises, bindings: bindings,
      missing: [])
  }

  private func boundVariables(
    _ locals: Range<Int>, rule: Int, state: EvaluationState, facts: CaseFacts
  ) -> [Binding] {
    var out: [Binding] = []
    for local in locals {
      let slot = rules[rule].localLists[local]
      let element = state.localElements[local]
      let origin = facts.origins[slot].flatMap {
        element < $0.elements.count ? $0.elements[element] : nil
      }
      out.append(
        Binding(
          name: rules[rule].localNames[local], slot: slot, element: element, origin: origin))
    }
    return out
  }

  private func observations(
    _ reads: [(instruction: Int, value: Value, element: Int?)], facts: CaseFacts, rule: Int,
    truth: Truth
  ) -> [Observation] {
    var out: [Observation] = []
    out.reserveCapacity(reads.count)
    // A value read once is observed once: by what the condition calls it (its number in
    // `Code.readNames`), and the element. A few reads are compared one by one, many through a set.
    var seen: [Int] = []
    seen.reserveCapacity(reads.count <= 16 ? reads.count : 0)
    var seenMany: Set<Int> = []
    for read in reads {
      let instruction = code.instructions[read.instruction]
      let slot: Int
      var origin: SourceLocation?
      switch instruction.op {
      case .finding:
        slot = Int(instruction.a)
        origin = facts.origins[slot]?.location
      case .field:
        slot = rules[rule].localLists[Int(instruction.a)]
        let field = Int(instruction.b)
        if let element = read.element, let o = facts.origins[slot],
          element < o.fields.count, field < o.fields[element].count
        {
          origin = o.fields[element][field]
        }
      default: continue
      }
      let key = Int(code.readNames[read.instruction]) << 32 | (read.element.map { $0 + 1 } ?? 0)
      if reads.count <= 16 {
        guard !seen.contains(key) else { continue }
        seen.append(key)
      } else {
        guard seenMany.insert(key).inserted else { continue }
      }
      out.append(
        Observation(
          name: code.nodes[read.instruction].text, value: read.value,
          type: code.nodes[read.instruction].type, slot: slot, element: read.element,
          origin: origin))
    }
    // For a true condition that bound a variable, keep the witness element's fields only.
    if truth == .true {
      let witnessed = Dictionary(grouping: out.filter { $0.element != nil }, by: \.slot)
      if !witnessed.isEmpty {
        out = out.filter { observation in
          guard let element = observation.element else { return true }
          let last = witnessed[observation.slot]?.last?.element
          return element == last
        }
      }
    }
    if out.count > 12 { out = Array(out.prefix(12)) }
    return out
  }

  private func missingFindings(
    rule: Int, traces: [RuleTrace], evaluation: Evaluation, memo: inout [Int: [Int]],
    visiting: inout Set<Int>
  ) -> [Int] {
    if let done = memo[rule] { return done }
    guard visiting.insert(rule).inserted else { return [] }
    var slots: Set<Int> = []
    for (position, premise) in traces[rule].premises.enumerated() where premise.truth == .unknown {
      for observation in premise.observations where !observation.value.isKnown {
        if findings[observation.slot].derived {
          for deriver in derivers[observation.slot] where traces[deriver].truth == .unknown {
            slots.formUnion(
              missingFindings(
                rule: deriver, traces: traces, evaluation: evaluation, memo: &memo,
                visiting: &visiting))
          }
        } else {
          slots.insert(observation.slot)
        }
      }
      // An unknown `picked` test: the undetermined rules of that output decide it, those that
      // touch a value whose status is still open (a rule on settled values changes no pick).
      for output in rules[rule].conditions[position].pickedOutputs {
        let certainty = evaluation.outputs[output].certainty
        for other in outputRules[output] where traces[other].truth == .unknown && other != rule {
          let actions = rules[other].actions
          let open = (actions.suggest + actions.exclude).contains {
            $0.output == output && certainty[$0.value] == .unknown
          }
          guard open else { continue }
          slots.formUnion(
            missingFindings(
              rule: other, traces: traces, evaluation: evaluation, memo: &memo,
              visiting: &visiting))
        }
      }
    }
    let result = slots.sorted()
    memo[rule] = result
    return result
  }

  private func explainOutput(_ output: Int, evaluation: Evaluation, traces: [RuleTrace])
    -> OutputExplanation
  {
    let result = evaluation.outputs[output]
    let info = outputs[output]
    var values: [ValueExplanation] = []
    for v in info.values.indices {
      var supporting: [Int] = []
      var opposing: [Int] = []
      var misses: [NearMiss] = []
      var missing: Set<Int> = []
      // The rule and its trace are read in place, not copied, for every value of the output.
      for r in outputRules[output] {
        let suggests = rules[r].actions.suggest.contains { $0.output == output && $0.value == v }
        let excludes = rules[r].actions.exclude.contains { $0.output == output && $0.value == v }
        guard suggests || excludes else { continue }
        let weight = rules[r].actions.weight
        let truth = traces[r].truth
        if truth == .true && suggests {
          if weight >= 0 { supporting.append(r) } else { opposing.append(r) }
        } else if suggests && weight > 0 {
          misses.append(
            NearMiss(
              rule: r, failedCount: traces[r].premises.count { $0.truth == .false },
              unknownCount: traces[r].premises.count { $0.truth == .unknown }))
        }
        if truth == .unknown && result.certainty[v] == .unknown {
          missing.formUnion(traces[r].missing)
        }
      }
      // Rules are numbered in id order, so the index breaks ties by id.
      misses.sort {
        ($0.failedCount, $0.unknownCount, $0.rule) < ($1.failedCount, $1.unknownCount, $1.rule)
      }
      var outranked: [Int] = []
      if case .outranked = result.statuses[v] {
        outranked = result.picked
      }
      values.append(
        ValueExplanation(
          value: v, weight: result.weights[v], status: result.statuses[v],
          certainty: result.certainty[v],
          supporting: supporting, opposing: opposing, excludedBy: result.excludedBy[v],
          outrankedBy: outranked,
          nearMisses: misses, missing: missing.sorted()))
    }
    return OutputExplanation(
      output: output, values: values,
      competitions: competitions(output, result: result, values: values, traces: traces))
  }

  private func competitions(
    _ output: Int, result: OutputResult, values: [ValueExplanation], traces: [RuleTrace]
  ) -> [Competition] {
    let info = outputs[output]
    // Rivalries matter where the output ranks a few values (it has a `max`).
    guard let limit = info.max, let last = result.picked.last else { return [] }
    func competition(_ picked: Int, _ rival: Int, needed: Double) -> Competition {
      let flips = values[rival].nearMisses.filter { ruleWeights[$0.rule] >= needed }
      return Competition(
        output: output, picked: picked, rival: rival,
        gap: result.weights[picked] - result.weights[rival],
        needed: max(0, needed), flips: Array(flips.prefix(3)))
    }
    /// Evidence `rival` must gain to rank above `picked` (ties go to the earlier declared value).
    func overtake(_ picked: Int, _ rival: Int) -> Double {
      let gap = result.weights[picked] - result.weights[rival]
      return rival > picked ? gap + 0.000_001 : gap
    }
    var found: [Competition] = []
    // The order among the picked values: why the first rather than the second.
    if result.picked.count >= 2 {
      found.append(
        competition(
          result.picked[0], result.picked[1], needed: overtake(result.picked[0], result.picked[1])))
    }
    // The closest rival outside a full `max`: most evidence, then the near miss with the fewest
    // open conditions. A rival with no evidence counts only if a supporting rule is undetermined
    // (none failed): then answering unknown findings, not changing known ones, could let it in.
    func openness(_ v: Int) -> Int {
      values[v].nearMisses.map { $0.failedCount * 1000 + $0.unknownCount }.min() ?? Int.max
    }
    let rivals = info.values.indices.filter { v in
      !result.statuses[v].isPicked && result.excludedBy[v].isEmpty
        && (result.weights[v] > 0 || openness(v) < 1000)
    }.sorted { (-result.weights[$0], openness($0), $0) < (-result.weights[$1], openness($1), $1) }
    if result.picked.count >= limit, let rival = rivals.first {
      found.append(
        competition(
          last, rival, needed: max(info.minWeight - result.weights[rival], overtake(last, rival))))
    }
    return found
  }

  private func askNext(traces: [RuleTrace], evaluation: Evaluation, firedAlerts: Set<Int>)
    -> [Question]
  {
    var questions: [Int: Question] = [:]
    // Rules and traces are read in place: only the undetermined ones matter.
    for index in traces.indices where traces[index].truth == .unknown {
      let actions = rules[index].actions
      let newAlerts = actions.alerts.filter { !firedAlerts.contains($0) }
      var picks: [OutputValue] = []
      for (o, v) in actions.suggest + actions.exclude
      where evaluation.outputs[o].certainty[v] == .unknown {
        picks.append(OutputValue(output: o, value: v))
      }
      // Derivations count through the rules that read them (`missing` follows derived findings).
      guard !newAlerts.isEmpty || !picks.isEmpty else { continue }
      for slot in traces[index].missing {
        var q =
          questions[slot]
          ?? Question(slot: slot, alertSeverity: nil, alerts: [], picks: [], rules: [])
        for alert in newAlerts {
          if !q.alerts.contains(alert) { q.alerts.append(alert) }
          let severity = alerts[alert].severity
          if q.alertSeverity.map({ severity > $0 }) ?? true { q.alertSeverity = severity }
        }
        for pick in picks where !q.picks.contains(pick) { q.picks.append(pick) }
        if !q.rules.contains(index) { q.rules.append(index) }
        questions[slot] = q
      }
    }
    // Safety first: questions that could raise a critical alert, then a warning, then an advisory,
    // then those that could only change a pick; within a group the pack decides (the finding's
    // `priority`, then its declared order). Never the name.
    return questions.values.filter { !$0.alerts.isEmpty || !$0.picks.isEmpty }
      .map { q in
        var q = q
        q.alerts.sort()
        q.picks.sort()
        q.rules.sort()
        return q
      }
      .sorted { a, b in
        let sa = a.alertSeverity?.rank ?? -1
        let sb = b.alertSeverity?.rank ?? -1
        if sa != sb { return sa > sb }
        let pa = findings[a.slot].priority
        let pb = findings[b.slot].priority
        if pa != pb { return pa > pb }
        return a.slot < b.slot
      }
  }
}
