/// Every key the loader accepts, by kind of mapping: the one source of truth for the loader's
/// "unknown key" checks and for the JSON Schemas (`ipt schema`).
package enum SyntaxKeys {
  /// `pack.yaml`, besides the content keys of a pack file.
  package static let manifest = [
    "pack", "version", "title", "description", "authors", "references", "extends", "constants",
    "governance", "mode",
  ]
  /// Any other YAML file of a pack.
  package static let packFile = ["vocabulary", "outputs", "alerts", "constants", "rules"]
  /// A finding of the vocabulary.
  package static let finding = [
    "type", "values", "range", "unit", "fields", "description", "ask", "derived", "priority",
    "section", "bands", "record_only",
  ]
  /// A field of a list's records.
  package static let field = [
    "type", "values", "range", "unit", "description", "ask", "like", "increasing", "default",
  ]
  /// An output.
  package static let output = ["title", "description", "pick", "values"]
  /// An output's `pick`.
  package static let pick = ["max", "min_weight"]
  /// A value of an output.
  package static let outputValue = ["label", "description", "cite"]
  /// An alert.
  package static let alert = ["severity", "label", "description", "cite"]
  /// A rule.
  package static let rule = [
    "id", "title", "when", "then", "because", "teach", "cite", "status", "author", "reviewed_by",
    "reviewed_on", "review_due",
  ]
  /// A rule's `then`.
  package static let then = ["suggest", "weight", "derive", "alert", "exclude"]
  /// A structured condition.
  package static let condition = ["all", "any", "not"]
  /// A case file.
  package static let caseFile = [
    "case", "date", "assessor", "source", "findings", "course", "notes",
  ]
  /// A pack test.
  package static let test = ["name", "case", "findings", "expect"]
  /// A pack test's `expect`.
  package static let expect = [
    "picked", "not_picked", "only_picked", "alerts", "no_alerts", "fired", "not_fired", "derived",
    "deferred", "provisional", "settled", "ask_first", "asks", "because", "near_miss", "skipped",
  ]
  /// A formulation's fixed keys (every other key names an output).
  package static let formulation = ["formulation", "by", "alerts", "rationale", "source", "notes"]
}
