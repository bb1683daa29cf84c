import Advisor
import RuleEngine
import Foundation
import RuleDiagnostics

/// A supervisor's decision on a run or check (`ipt-advisor/audit-review/1`): accepted as it is, or
/// overridden, output by output, with the values the supervisor holds right, and always a reason.
public struct AuditReview: Codable, Sendable, Hashable {
  /// Accept or override.
  public enum Decision: String, Codable, Sendable, Hashable {
    /// The engine's suggestions stand.
    case accept
    /// The supervisor replaces some outputs' values.
    case override
  }

  /// `ipt-advisor/audit-review/1`.
  public var schema = "ipt-advisor/audit-review/1"
  /// Accept or override.
  public var decision: Decision
  /// For an override: output name -> the values the supervisor holds right (may be empty).
  public var overrides: [String: [String]]
  /// Why, in the supervisor's words.
  public var reason: String

  /// A review.
  public init(decision: Decision, overrides: [String: [String]], reason: String) {
    self.decision = decision
    self.overrides = overrides
    self.reason = reason
  }

  /// Parses `OUTPUT=VALUE[,VALUE...]` (an empty value list says "none of them").
  public static func override(_ text: String) -> (output: String, values: [String])? {
    guard let eq = text.firstIndex(of: "="), eq != text.startIndex else { return nil }
    let output = String(text[..<eq]).trimmingCharacters(in: .whitespaces)
    let values = text[text.index(after: eq)...].split(separator: ",").map {
      $0.trimmingCharacters(in: .whitespaces)
    }.filter { !$0.isEmpty }
    return (output, values)
  }

  /// The canonical JSON (sorted keys, one line).
  var line: String { AuditSession.line(self) }
}

extension AuditStore {
  /// Appends a review of run or check `subject` by `by`, after checking that every overridden
  /// output and value exists in the pack the record ran with ("did you mean" otherwise).
  @discardableResult
  public func appendReview(subject: Int64, by: String, review: AuditReview) throws(AuditError)
    -> AuditRecord
  {
    let reviewed = try record(subject)
    guard reviewed.kind != .review else {
      throw AuditError(
        path: path, reason: "record \(subject) is a review; review the run or check it names",
        hint: reviewed.subject.map { "review record \($0)" })
    }
    let user = by.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !user.isEmpty else {
      throw AuditError(path: path, reason: "a review needs its reviewer", hint: "add --by NAME")
    }
    guard !review.reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
      throw AuditError(path: path, reason: "a review needs a reason", hint: "add --reason TEXT")
    }
    if review.decision == .override {
      guard !review.overrides.isEmpty else {
        throw AuditError(
          path: path, reason: "an override names the outputs it changes",
          hint: "add --override OUTPUT=VALUE[,VALUE]")
      }
      let program = try AuditReplayer(store: self).advisor(for: reviewed).program
      for (output, values) in review.overrides.sorted(by: { $0.key < $1.key }) {
        guard let info = program.outputs.first(where: { $0.name == output }) else {
          let names = program.outputs.map(\.name)
          throw AuditError(
            path: path, reason: "the pack has no output '\(output)'",
            hint: Suggest.closest(to: output, in: names).map { "did you mean '\($0)'?" }
              ?? "outputs: \(names.joined(separator: ", "))")
        }
        let known = info.values.map(\.name)
        for value in values where !known.contains(value) {
          throw AuditError(
            path: path, reason: "'\(value)' is not a value of \(output)",
            hint: Suggest.closest(to: value, in: known).map { "did you mean '\($0)'?" }
              ?? "values: \(known.joined(separator: ", "))")
        }
      }
    }
    let draft = AuditRecord(
      seq: 0, kind: .review, at: "", by: user, command: "review", engine: Advisor.engineVersion,
      packID: reviewed.packID, packVersion: reviewed.packVersion, packSHA256: reviewed.packSHA256,
      packSnapshot: nil, caseID: reviewed.caseID, caseFile: nil, caseSHA256: nil,
      formulationFile: nil, formulationSHA256: nil, result: nil, verdicts: nil, subject: subject,
      review: review.line, prevHash: "", hash: "")
    return try append(draft, blobs: [])
  }
}
