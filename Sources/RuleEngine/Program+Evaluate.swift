extension Program {
  /// EVALUATE: one ordered pass over the plan.
  public func evaluate(_ facts: CaseFacts) -> Evaluation {
    var tracer = NoTracer()
    return evaluate(facts, tracer: &tracer)
  }

  /// Evaluates with a tracer that sees every read.
  package func evaluate<T: EvaluationTracer>(_ facts: CaseFacts, tracer: inout T) -> Evaluation {
    var state = EvaluationState(
      facts: facts.values, locals: Array(repeating: nil, count: maxLocals),
      localElements: Array(repeating: 0, count: maxLocals),
      picked: outputs.map { Array(repeating: Truth.unknown, count: $0.values.count) },
      leaves: T.self == NoTracer.self ? Array(repeating: nil, count: code.leafCount) : [])
    var interpreter = Interpreter(code: code, tracer: tracer)
    defer { tracer = interpreter.tracer }
    var ruleTruth = Array(repeating: Truth.false, count: rules.count)
    var bindings = Array(repeating: [Int](), count: rules.count)
    var results: [OutputResult?] = Array(repeating: nil, count: outputs.count)
    for step in plan {
      switch step {
      case .rule(let index):
        var truth = Truth.true
        for root in code.roots[index] {
          truth = truth && interpreter.truth(root, &state)
          if truth == .false { break }
        }
        ruleTruth[index] = truth
        let localCount = localCounts[index]
        if localCount > 0 {
          if truth == .true { bindings[index] = Array(state.localElements[0..<localCount]) }
          for local in 0..<localCount { state.locals[local] = nil }
        }
      case .derived(let slot):
        var value = Truth.false
        for rule in derivers[slot] { value = value || ruleTruth[rule] }
        state.facts[slot] = value == .unknown ? .unknown : .boolean(value == .true)
      case .output(let output):
        let result = pick(output: output, ruleTruth: ruleTruth)
        state.picked[output] = result.pickedTruth
        results[output] = result
      }
    }
    var alertRules = Array(repeating: [Int](), count: alerts.count)
    for (rule, alert) in raises where ruleTruth[rule] == .true { alertRules[alert].append(rule) }
    let fired = alertRules.enumerated().compactMap { alert, rules in
      rules.isEmpty ? nil : FiredAlert(alert: alert, severity: alerts[alert].severity, rules: rules)
    }.sorted { ($0.severity.rank, -$0.alert) > ($1.severity.rank, -$1.alert) }
    return Evaluation(
      ruleTruth: ruleTruth, bindings: bindings, facts: state.facts,
      outputs: results.enumerated().map {
        $0.element ?? pick(output: $0.offset, ruleTruth: ruleTruth)
      },
      alerts: fired)
  }

  /// Picks an output's values from the evidence of fired rules, and works out which picks could
  /// still change if undetermined rules were decided.
  func pick(output: Int, ruleTruth: [Truth]) -> OutputResult {
    let info = outputs[output]
    let count = info.values.count
    var weights = Array(repeating: 0.0, count: count)
    var up = Array(repeating: 0.0, count: count)
    var down = Array(repeating: 0.0, count: count)
    var excludedBy = Array(repeating: [Int](), count: count)
    var mayExclude = Array(repeating: false, count: count)
    for effect in effects[output] {
      let truth = ruleTruth[effect.rule]
      guard truth != .false else { continue }
      let v = effect.value
      if effect.exclude {
        if truth == .true { excludedBy[v].append(effect.rule) } else { mayExclude[v] = true }
      } else if truth == .true {
        weights[v] += effect.weight
      } else if effect.weight > 0 {
        up[v] += effect.weight
      } else {
        down[v] += effect.weight
      }
    }
    let limit = info.max ?? Int.max
    let eligible = (0..<count).filter { excludedBy[$0].isEmpty && weights[$0] >= info.minWeight }
    let ranked = eligible.sorted { (weights[$0], -$0) > (weights[$1], -$1) }
    let picked = Array(ranked.prefix(limit))
    var statuses = Array(repeating: ValueStatus.belowThreshold, count: count)
    for v in 0..<count {
      if !excludedBy[v].isEmpty {
        statuses[v] = .excluded
      } else if let rank = picked.firstIndex(of: v) {
        statuses[v] = .picked(rank: rank)
      } else if weights[v] >= info.minWeight {
        statuses[v] = .outranked
      }
    }
    // Bounds on what undetermined rules could still do.
    let low = (0..<count).map { weights[$0] + down[$0] }
    let high = (0..<count).map { weights[$0] + up[$0] }
    func surelyEligible(_ v: Int) -> Bool {
      excludedBy[v].isEmpty && !mayExclude[v] && low[v] >= info.minWeight
    }
    func possiblyEligible(_ v: Int) -> Bool { excludedBy[v].isEmpty && high[v] >= info.minWeight }
    var certainty = Array(repeating: Truth.unknown, count: count)
    let open = up.contains { $0 != 0 } || down.contains { $0 != 0 } || mayExclude.contains(true)
    for v in 0..<count where !open {
      // No undetermined rule touches this output: every status is settled.
      certainty[v] = statuses[v].isPicked ? .true : .false
    }
    for v in 0..<count where open {
      // With room for every value, nothing can be outranked out: skip the quadratic count.
      var mayOutrank = 0
      var sureOutrank = 0
      if limit < count {
        for w in 0..<count where w != v {
          if possiblyEligible(w) && (high[w] > low[v] || (high[w] == low[v] && w < v)) {
            mayOutrank += 1
          }
          if surelyEligible(w) && (low[w] > high[v] || (low[w] == high[v] && w < v)) {
            sureOutrank += 1
          }
        }
      }
      if surelyEligible(v) && mayOutrank < limit {
        certainty[v] = .true
      } else if !possiblyEligible(v) || sureOutrank >= limit {
        certainty[v] = .false
      }
    }
    // Not picked now: unknown while some answer to the undetermined rules could still pick it.
    let pickedTruth = (0..<count).map { v -> Truth in
      if picked.contains(v) { return .true }
      return certainty[v] == .false ? .false : .unknown
    }
    return OutputResult(
      weights: weights, statuses: statuses, picked: picked, pickedTruth: pickedTruth,
      certainty: certainty, excludedBy: excludedBy)
  }
}
