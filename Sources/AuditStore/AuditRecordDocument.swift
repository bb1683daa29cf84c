import Foundation
import Advisor
import RuleDiagnostics
import RuleWorkspace
public import RuleRender
import TraineeCheck

/// One record as `ipt audit show` prints it: what was recorded, the full explanation re-derived
/// by replaying it, and its reviews.
public struct AuditRecordDocument {
  /// The store read.
  public let store: AuditStore

  /// A builder over `store`.
  public init(store: AuditStore) { self.store = store }

  /// The documents for record `seq` (a review shows the record it reviews).
  public func documents(_ seq: Int64) throws(AuditError) -> [Document] {
    var record = try store.record(seq)
    if record.kind == .review, let subject = record.subject { record = try store.record(subject) }
    var facts: [ListItem] = [
      ListItem(
        Text("Record \(record.seq): \(record.kind.rawValue) by \(record.by) at \(record.at)")),
      ListItem(Text([.plain("Hash "), .code(record.hash)])),
    ]
    if let id = record.packID, let version = record.packVersion {
      facts.append(
        ListItem(Text([.plain("Pack \(id) \(version), sha256 "), .code(record.packSHA256 ?? "")])))
    }
    if let file = record.caseFile {
      facts.append(
        ListItem(
          Text([.plain("Case "), .code(file), .plain(", sha256 "), .code(record.caseSHA256 ?? "")]))
      )
    }
    if let file = record.formulationFile {
      facts.append(
        ListItem(
          Text([
            .plain("Formulation "), .code(file), .plain(", sha256 "),
            .code(record.formulationSHA256 ?? ""),
          ])
        ))
    }
    let replayer = AuditReplayer(store: store)
    let replay = replayer.replay(record)
    facts.append(
      ListItem(
        replay.identical
          ? Text("Replayed with this engine: identical to the stored result.")
          : Text([
            .badge("replay differs", .warning),
            .plain(" " + replay.differences.joined(separator: "; ")),
          ])))
    var blocks: [Block] = [.list(facts, ordered: false), .heading("Reviews", level: 2)]
    let reviews = try store.reviews(of: record.seq)
    if reviews.isEmpty {
      blocks.append(.paragraph("No review yet."))
    } else {
      blocks.append(
        .list(
          reviews.map { r in
            let review = r.review.flatMap {
              try? JSONDecoder().decode(AuditReview.self, from: Data($0.utf8))
            }
            let what =
              review.map { review in
                review.decision == .accept
                  ? "accepted"
                  : "overridden: "
                    + review.overrides.keys.sorted().map { key in
                      "\(key) = \((review.overrides[key] ?? []).joined(separator: ", "))"
                    }.joined(separator: "; ")
              } ?? "unreadable review"
            return ListItem(
              Text("Record \(r.seq), \(r.at), by \(r.by): \(what). Reason: \(review?.reason ?? "")")
            )
          }, ordered: false))
    }
    var documents = [Document(title: Text("Audit record \(record.seq)"), blocks: blocks)]
    if let advisor = try? replayer.advisor(for: record),
      let caseFile = try? replayer.caseFile(of: record)
    {
      let source = "\(advisor.folder.directory) (stored)"
      if record.kind == .check,
        let formulation = try? replayer.file(
          record.formulationSHA256, path: record.formulationFile, of: record),
        let report = advisor.check(cases: [caseFile], formulations: [formulation]).reports.first
      {
        documents.append(CheckDocument(packSource: source).check(report))
      } else if let report = advisor.evaluate(caseFile).value?.report {
        documents.append(ReportDocument(packSource: source).evaluation(report))
      }
    }
    return documents
  }
}
