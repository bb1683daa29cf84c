import RuleDiagnostics
import RuleEngine

extension PackCompiler {
  /// Orders rules, derived findings and outputs so that everything a rule reads is final before it
  /// runs. The order depends only on the dependency graph and rule ids, never on file order.
  mutating func buildPlan(_ compiled: [(rule: Rule, reads: Set<Int>, outputs: Set<Int>)]) -> (
    [Step], [Int]
  )? {
    let ruleCount = compiled.count
    let findingBase = ruleCount
    let outputBase = ruleCount + findings.count
    let total = outputBase + outputs.count
    var edges = Array(repeating: [Int](), count: total)
    var indegree = Array(repeating: 0, count: total)
    func addEdge(_ from: Int, _ to: Int) {
      edges[from].append(to)
      indegree[to] += 1
    }
    for (r, entry) in compiled.enumerated() {
      for slot in entry.reads.sorted() where findings[slot].derived {
        addEdge(findingBase + slot, r)
      }
      for output in entry.outputs.sorted() { addEdge(outputBase + output, r) }
      for slot in Set(entry.rule.actions.derive).sorted() { addEdge(r, findingBase + slot) }
      let touched = Set(
        entry.rule.actions.suggest.map(\.output) + entry.rule.actions.exclude.map(\.output))
      for output in touched.sorted() { addEdge(r, outputBase + output) }
    }
    var level = Array(repeating: 0, count: total)
    var queue = (0..<total).filter { indegree[$0] == 0 }
    var remaining = indegree
    var head = 0
    while head < queue.count {
      let node = queue[head]
      head += 1
      for next in edges[node] {
        level[next] = max(level[next], level[node] + 1)
        remaining[next] -= 1
        if remaining[next] == 0 { queue.append(next) }
      }
    }
    if queue.count < total {
      reportCycle(edges: edges, unfinished: Set(0..<total).subtracting(queue), compiled: compiled)
      return nil
    }
    func isIncluded(_ node: Int) -> Bool {
      node < findingBase || node >= outputBase || findings[node - findingBase].derived
    }
    let order = (0..<total).filter(isIncluded).sorted { (level[$0], $0) < (level[$1], $1) }
    let plan: [Step] = order.map { node in
      if node < findingBase { return .rule(node) }
      if node < outputBase { return .derived(node - findingBase) }
      return .output(node - outputBase)
    }
    return (plan, (0..<ruleCount).map { level[$0] / 2 })
  }

  mutating func reportCycle(
    edges: [[Int]], unfinished: Set<Int>,
    compiled: [(rule: Rule, reads: Set<Int>, outputs: Set<Int>)]
  ) {
    let findingBase = compiled.count
    let outputBase = compiled.count + findings.count
    func name(_ node: Int) -> String {
      if node < findingBase { return "rule '\(compiled[node].rule.id)'" }
      if node < outputBase { return "finding '\(findings[node - findingBase].name)'" }
      return "output '\(outputs[node - outputBase].name)'"
    }
    func location(_ node: Int) -> SourceLocation? {
      if node < findingBase { return compiled[node].rule.location }
      if node < outputBase { return findings[node - findingBase].location }
      return nil
    }
    // Walk forward inside the unfinished part until a node repeats: that is a cycle.
    guard let start = unfinished.filter({ $0 < findingBase }).min() ?? unfinished.min() else {
      return
    }
    var path = [start]
    var seen: [Int: Int] = [start: 0]
    var node = start
    while true {
      guard let next = edges[node].filter({ unfinished.contains($0) }).min() else { return }
      if let at = seen[next] {
        let cycle = Array(path[at...]) + [next]
        let first = cycle.first { $0 < findingBase } ?? cycle[0]
        let notes = cycle.dropLast().compactMap { n in
          location(n).map { Diagnostic.Note("\(name(n)) is here", at: $0) }
        }
        diagnostics.append(
          CheckCatalogue.cycle(
            cycle.map(name), at: location(first) ?? SourceLocation(file: "", line: 1, column: 1),
            notes: notes))
        return
      }
      seen[next] = path.count
      path.append(next)
      node = next
    }
  }
}
