// ipt-bench: measures the pipeline's cost per case on a pack and a folder of cases.
//
//   swift run -c release ipt-bench PACK_DIR CASES_DIR [--repeat N] [--evaluate-only]
//
// See docs/benchmarks.md for the workload and the figures.
import Advisor
import RuleDiagnostics
import Foundation
import RuleEngine
import RuleRender
import RuleWorkspace

func seconds(_ duration: Duration) -> Double {
  Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

func microseconds(_ s: Double) -> String { String(format: "%.1f", s * 1e6) }

func fail(_ message: String, code: Int32) -> Never {
  FileHandle.standardError.write(Data((message + "\n").utf8))
  exit(code)
}

/// Everything runs inside a function: top-level variables are main-actor globals, and reading
/// them in a loop would add executor checks to the figures.
func main() throws {
  var arguments = Array(CommandLine.arguments.dropFirst())
  var repeats = 5
  // `--evaluate-only` stops after the evaluation figure (for profiling the evaluation loop).
  let evaluateOnly = arguments.contains("--evaluate-only")
  arguments.removeAll { $0 == "--evaluate-only" }
  if let index = arguments.firstIndex(of: "--repeat"), index + 1 < arguments.count {
    repeats = Int(arguments[index + 1]) ?? 5
    arguments.removeSubrange(index...(index + 1))
  }
  guard arguments.count == 2 else {
    fail("usage: ipt-bench PACK_DIR CASES_DIR [--repeat N]", code: 64)
  }
  let clock = ContinuousClock()

  // 1. Pack load + compile (best of `repeats`).
  var compileTimes: [Double] = []
  var loaded: Advisor?
  for _ in 0..<(evaluateOnly ? 1 : max(1, repeats)) {
    let start = clock.now
    loaded = Advisor.load(.disk(arguments[0])).advisor
    compileTimes.append(seconds(clock.now - start))
  }
  guard let advisor = loaded else { fail("the pack does not compile; run ipt lint", code: 2) }
  let program = advisor.program
  let paths = try Workspace.yamlFiles(in: arguments[1])

  // 2. Read + parse + check every case once.
  var facts: [CaseFacts] = []
  var start = clock.now
  for path in paths {
    if let value = advisor.facts(try Workspace.read(path)).value { facts.append(value) }
  }
  let loadTime = seconds(clock.now - start) / Double(paths.count)

  // 3. Evaluation alone, cases already loaded (best of `repeats` passes).
  var best = Double.infinity
  var firedTotal = 0
  for _ in 0..<max(1, repeats) {
    start = clock.now
    var fired = 0
    for f in facts {
      let evaluation = program.evaluate(f)
      fired &+= evaluation.ruleTruth.reduce(0) { $0 + ($1 == .true ? 1 : 0) }
    }
    best = min(best, seconds(clock.now - start) / Double(facts.count))
    firedTotal = fired
  }

  if evaluateOnly {
    print("per case, evaluate only:        \(microseconds(best)) us")
    exit(0)
  }

  // 4. Explanation (how, why not, what to ask next) on top of evaluation.
  start = clock.now
  for f in facts { _ = program.explain(f, program.evaluate(f)) }
  let explainTime = seconds(clock.now - start) / Double(facts.count)

  // 5. End to end as `ipt evaluate --format jsonl`: read, parse, check, evaluate, JSON line.
  var bytes = 0
  start = clock.now
  for path in paths {
    guard let record = advisor.record(try Workspace.read(path)).value else { continue }
    bytes += record.jsonLine.utf8.count
  }
  let endToEnd = seconds(clock.now - start) / Double(paths.count)

  print(
    "pack: \(program.pack.id), \(program.rules.count) rules, \(program.findings.count) findings")
  print("cases: \(paths.count) (\(facts.count) valid), fired rules in total: \(firedTotal)")
  print(
    "pack load + compile:            \(String(format: "%.1f", (compileTimes.min() ?? 0) * 1e3)) ms")
  print("per case, read + parse + check: \(microseconds(loadTime)) us")
  print("per case, evaluate only:        \(microseconds(best)) us")
  print("per case, evaluate + explain:   \(microseconds(explainTime)) us")
  print(
    "per case, end to end (jsonl):   \(microseconds(endToEnd)) us  (\(bytes / max(1, paths.count)) bytes/line)"
  )
}

try main()
