import Advisor
import AuditStore
import Foundation
import RuleEngine
import RuleRender

extension Pages {
  /// The runs and checks of the audit store that no review names yet, oldest first.
  func queue(_ store: AuditStore) throws(AuditError) -> [AuditRecord] {
    let records = try store.records()
    let reviewed = Set(records.compactMap { $0.kind == .review ? $0.subject : nil })
    return records.filter { $0.kind != .review && !reviewed.contains($0.seq) }
  }

  /// `GET /review`: the queue of runs and checks waiting for a review.
  func reviewQueue() -> Reply {
    guard let audit else { return noAudit() }
    do throws(AuditError) {
      let open = try queue(audit)
      let rows = open.map { record in
        "<tr><td class=\"num\"><a href=\"/review/\(record.seq)\">\(record.seq)</a></td>"
          + "<td>\(escape(record.kind.rawValue))</td><td>\(escape(record.at))</td>"
          + "<td>\(escape(record.by))</td><td>\(escape(record.caseID ?? ""))</td></tr>"
      }.joined(separator: "\n")
      let body =
        open.isEmpty
        ? "<p>No run or check is waiting for a review.</p>"
        : """
        <p>\(open.count) waiting for a review, oldest first.</p>
        <table><thead><tr><th scope="col" class="num">record</th><th scope="col">kind</th><th scope="col">at</th><th scope="col">by</th><th scope="col">case</th></tr></thead>
        <tbody>
        \(rows)
        </tbody></table>
        """
      let report =
        "<p><a href=\"/review/report\">The audit report</a>: overrides per rule with their reasons, agreement over time, open items.</p>"
      return page("Review queue", body: body + report)
    } catch {
      return page("Review queue", body: failure(error), status: 500)
    }
  }

  /// `GET /review/N`: the record's full report with its reviews, and the review form.
  func reviewRecord(_ seq: Int64, problem: String? = nil, status: Int = 200) -> Reply {
    guard let audit else { return noAudit() }
    do throws(AuditError) {
      let record = try audit.record(seq)
      let documents = try AuditRecordDocument(store: audit).documents(seq)
      let outputs = workbench.advisor.program.outputs.map(\.name).joined(separator: ", ")
      let form =
        record.kind == .review
        ? "<p>Record \(seq) is a review; review the record it names.</p>"
        : """
        \(problem.map { "<p role=\"alert\">\(escape($0))</p>" } ?? "")
        <form method="post" action="/review/\(seq)">
        <input type="hidden" name="csrf" value="\(escape(access.csrf))">
        <label for="by">Reviewer (pseudonymous)</label>
        <input type="text" id="by" name="by" required>
        <fieldset><legend>Decision</legend>
        <input type="radio" id="accept" name="decision" value="accept" checked><label for="accept" style="display:inline">Accept the suggestions</label><br>
        <input type="radio" id="override" name="decision" value="override"><label for="override" style="display:inline">Override</label>
        </fieldset>
        <label for="overrides">Overrides (for an override: OUTPUT=VALUE[,VALUE], one per line)</label>
        <p class="help" id="overrides-help">Outputs: \(escape(outputs)).</p>
        <textarea id="overrides" name="overrides" aria-describedby="overrides-help" style="min-height:4rem"></textarea>
        <label for="reason">Reason</label>
        <input type="text" id="reason" name="reason" required>
        <button type="submit">Record the review</button>
        </form>
        """
      return page("Review record \(seq)", body: form, documents: documents, status: status)
    } catch {
      return page("Review record \(seq)", body: failure(error), status: 404)
    }
  }

  /// The review a form asks for, or why it cannot be recorded.
  static func review(decision: String?, overrides: String?, reason: String?) -> Result<
    AuditReview, Rejected<String>
  > {
    var changes: [String: [String]] = [:]
    for line in (overrides ?? "").split(whereSeparator: \.isNewline) {
      let text = line.trimmingCharacters(in: .whitespaces)
      guard !text.isEmpty else { continue }
      guard let (output, values) = AuditReview.override(text) else {
        return .failure(Rejected("'\(text)' is not OUTPUT=VALUE[,VALUE]"))
      }
      changes[output, default: []] += values
    }
    switch decision {
    case "accept":
      guard changes.isEmpty else { return .failure(Rejected("an acceptance names no overrides")) }
      return .success(AuditReview(decision: .accept, overrides: [:], reason: reason ?? ""))
    case "override":
      return .success(AuditReview(decision: .override, overrides: changes, reason: reason ?? ""))
    default:
      return .failure(Rejected("choose accept or override"))
    }
  }

  /// `POST /review/N`: appends the review (after the CSRF check) and shows the record again.
  func submitReview(_ seq: Int64, form: FormFields) -> Reply {
    guard let audit else { return noAudit() }
    guard access.validCSRF(form["csrf"]) else {
      return page(
        "Review record \(seq)",
        body: "<p role=\"alert\">The form has expired; reload the page.</p>", status: 403)
    }
    switch Self.review(
      decision: form["decision"], overrides: form["overrides"], reason: form["reason"])
    {
    case .failure(let message):
      return reviewRecord(seq, problem: message.value, status: 400)
    case .success(let review):
      do throws(AuditError) {
        try audit.appendReview(subject: seq, by: form["by"] ?? "", review: review)
        return reviewRecord(seq)
      } catch {
        return reviewRecord(seq, problem: error.description, status: 400)
      }
    }
  }

  /// `GET /review/report?since=`: the audit report of `ipt audit report` (runs per pack version,
  /// overrides per rule with their reasons, agreement over time, open items).
  func reviewReport(since: String?) -> Reply {
    guard let audit else { return noAudit() }
    let since = since.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap {
      $0.isEmpty ? nil : $0
    }
    let form = """
      <form method="get" action="/review/report">
      <label for="since">Count only records written at or after (a date such as 2026-12-01)</label>
      <input type="text" id="since" name="since" value="\(escape(since ?? ""))">
      <button type="submit">Show the report</button>
      </form>
      """
    if let since, !AuditTime.isSince(since) {
      let problem =
        "<p role=\"alert\">'\(escape(since))' is not a date: give one such as 2026-12-01 (or 2026-12, or a full time).</p>"
      return page("Audit report", body: form + problem, status: 400)
    }
    do throws(AuditError) {
      let report = try audit.report(since: since)
      return page(
        "Audit report", body: form, documents: [AuditReportDocument().document(report)])
    } catch {
      return page("Audit report", body: form + failure(error), status: 400)
    }
  }

  private func noAudit() -> Reply {
    page(
      "Review", body: "<p>Start the server with <code>--audit STORE</code> to review runs.</p>",
      status: 404)
  }

  private func failure(_ error: AuditError) -> String {
    "<p role=\"alert\">\(escape(error.description))</p>"
  }
}
