import Foundation
import Advisor
import RuleDiagnostics
import TraineeCheck
import RuleEngine
import RuleRender

extension AuditStore {
  /// The report over every record written at or after `since` (text compared with the ISO 8601
  /// times, so `2026-12` and `2026-12-01` both work). Rules behind overridden picks are found by
  /// replaying the reviewed records.
  public func report(since: String? = nil) throws(AuditError) -> AuditReport {
    let records = try self.records(since: since)
    var latestReview: [Int64: AuditReview] = [:]
    // Per reviewed record, the reasons of its overrides, oldest first, each once.
    var overrideReasons: [Int64: [String]] = [:]
    for record in records where record.kind == .review {
      guard let subject = record.subject, let text = record.review,
        let review = try? JSONDecoder().decode(AuditReview.self, from: Data(text.utf8))
      else { continue }
      latestReview[subject] = review
      if review.decision == .override, overrideReasons[subject]?.contains(review.reason) != true {
        overrideReasons[subject, default: []].append(review.reason)
      }
    }
    let subjects = records.filter { $0.kind != .review }
    var report = AuditReport(
      since: since, runs: subjects.count { $0.kind == .run },
      checks: subjects.count { $0.kind == .check }, reviews: records.count { $0.kind == .review },
      accepted: 0, overridden: 0, packs: [], rules: [], trainees: [], open: [], notReplayed: [])
    report.packs = packRuns(subjects)
    report.trainees = traineePeriods(subjects)

    // Reviews of records before `since` still count when the review itself is in range.
    let bySeq = Dictionary(subjects.map { ($0.seq, $0) }, uniquingKeysWith: { a, _ in a })
    var reviewed: [AuditRecord] = []
    for seq in latestReview.keys.sorted() {
      if let record = bySeq[seq] ?? (try? record(seq)) {
        reviewed.append(record)
      }
    }
    report.accepted = reviewed.count { latestReview[$0.seq]?.decision == .accept }
    report.overridden = reviewed.count { latestReview[$0.seq]?.decision == .override }

    var rules: [String: AuditReport.RuleOverrides] = [:]
    let replayer = AuditReplayer(store: self)
    for record in reviewed {
      guard let review = latestReview[record.seq] else { continue }
      let support: [String: Set<String>]
      do {
        support = try supportingRules(record, replayer: replayer)
      } catch {
        report.notReplayed.append("record \(record.seq): \(error.reason)")
        continue
      }
      let all = support.values.reduce(into: Set<String>()) { $0.formUnion($1) }
      let overriddenRules =
        review.decision == .override
        ? review.overrides.keys.reduce(into: Set<String>()) { $0.formUnion(support[$1] ?? []) }
        : []
      for rule in all {
        var entry =
          rules[rule]
          ?? AuditReport.RuleOverrides(
            rule: rule, reviewed: 0, overridden: 0, percent: 0, reasons: [])
        entry.reviewed += 1
        if overriddenRules.contains(rule) {
          entry.overridden += 1
          for reason in overrideReasons[record.seq] ?? [] where !entry.reasons.contains(reason) {
            entry.reasons.append(reason)
          }
        }
        rules[rule] = entry
      }
    }
    report.rules = rules.values.map { entry in
      var entry = entry
      entry.percent = Self.percent(entry.overridden, of: entry.reviewed)
      return entry
    }.sorted {
      ($0.overridden, $0.percent, $1.rule) > ($1.overridden, $1.percent, $0.rule)
    }

    let reviewedSeqs = Set(records.compactMap { $0.kind == .review ? $0.subject : nil })
    report.open = subjects.filter { !reviewedSeqs.contains($0.seq) }.map { record in
      AuditReport.OpenItem(
        seq: record.seq, kind: record.kind, at: record.at, by: record.by,
        caseID: record.caseID ?? "", critical: Self.isCritical(record))
    }.sorted { ($0.critical ? 0 : 1, $0.seq) < ($1.critical ? 0 : 1, $1.seq) }
    return report
  }

  /// Output name -> the fired rules that support its picked values, from a replay.
  private func supportingRules(_ record: AuditRecord, replayer: AuditReplayer) throws(AuditError)
    -> [String: Set<String>]
  {
    let advisor = try replayer.advisor(for: record)
    let outcome = advisor.evaluate(try replayer.caseFile(of: record))
    guard let value = outcome.value else {
      throw AuditError(path: path, reason: "the stored case no longer loads")
    }
    let program = advisor.program
    var out: [String: Set<String>] = [:]
    for output in value.explanation.outputs {
      let picked = Set(value.evaluation.outputs[output.output].picked)
      var rules: Set<String> = []
      for explanation in output.values where picked.contains(explanation.value) {
        for rule in explanation.supporting { rules.insert(program.rules[rule].id) }
      }
      out[program.outputs[output.output].name] = rules
    }
    return out
  }

  private func packRuns(_ subjects: [AuditRecord]) -> [AuditReport.PackRuns] {
    var packs: [String: AuditReport.PackRuns] = [:]
    var order: [String] = []
    for record in subjects {
      let key = record.packSHA256 ?? ""
      if packs[key] == nil {
        order.append(key)
        packs[key] = AuditReport.PackRuns(
          id: record.packID ?? "", version: record.packVersion ?? "", sha256: key, runs: 0,
          checks: 0, first: record.at, last: record.at)
      }
      packs[key]?.last = record.at
      if record.kind == .run { packs[key]?.runs += 1 } else { packs[key]?.checks += 1 }
    }
    return order.compactMap { packs[$0] }
  }

  private func traineePeriods(_ subjects: [AuditRecord]) -> [AuditReport.TraineePeriod] {
    var periods: [String: AuditReport.TraineePeriod] = [:]
    for record in subjects where record.kind == .check {
      guard let text = record.verdicts,
        let verdicts = try? JSONDecoder().decode(AuditVerdicts.self, from: Data(text.utf8))
      else { continue }
      let month = String(record.at.prefix(7))
      let key = verdicts.trainee + "\u{0}" + month
      var entry =
        periods[key]
        ?? AuditReport.TraineePeriod(
          trainee: verdicts.trainee, period: month, checks: 0, agreed: 0, total: 0, percent: 0,
          disagreements: 0)
      entry.checks += 1
      entry.agreed += verdicts.counts.agreed
      entry.total += verdicts.counts.total
      entry.disagreements += verdicts.disagreements
      periods[key] = entry
    }
    return periods.values.map { entry in
      var entry = entry
      entry.percent = Self.percent(entry.agreed, of: entry.total)
      return entry
    }.sorted { ($0.trainee, $0.period) < ($1.trainee, $1.period) }
  }

  static func percent(_ part: Int, of whole: Int) -> Double {
    whole == 0 ? 0 : (Double(part) * 1000 / Double(whole)).rounded() / 10
  }

  /// Whether the stored result says that a critical alert fired (whether or not anything was
  /// left to defer: a gate that removes every suggestion is critical too).
  static func isCritical(_ record: AuditRecord) -> Bool {
    guard let text = record.result,
      let result = try? JSONDecoder().decode(BatchRecord.self, from: Data(text.utf8))
    else { return false }
    return result.alerts.contains { $0.hasPrefix("\(AlertSeverity.critical.rawValue): ") }
  }
}
