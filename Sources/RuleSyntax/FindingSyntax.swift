package import RuleDiagnostics

/// A finding of the vocabulary.
package struct FindingSyntax: Sendable {
  package var name: Located<String>
  package var type: TypeSyntax
  package var description: Located<String>?
  package var ask: Located<String>?
  package var derived: Bool
  /// Where its question ranks in "what to ask next" among questions of the same kind (higher
  /// first; default 0).
  package var priority: Located<Int>?
  /// The part of a case file it is written in: `course` for the course of therapy (sessions,
  /// plan), nil for `findings`.
  package var section: Located<String>? = nil
  /// `record_only: true`: recorded for people, read by no rule on purpose (no `unused-finding`).
  package var recordOnly = false
  /// Named bands of a score, lowest first: each label with the score it starts at.
  package var bands: [(label: Located<String>, from: Located<Double>)] = []
}
