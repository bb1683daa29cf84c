/// The rule entries already written into one report's JSON, with where their bytes are. A rule
/// shows up under several values (supporting one, a near miss of another, raising an alert), and
/// its entry, the largest part of a report, is written once and then copied byte for byte.
struct RuleEntryCopies {
  private typealias Entry = (rule: Report.RuleInfo, level: Int, bytes: Range<Int>)
  /// The entries the report builder made, by their rule's place in the pack (no string hashed).
  private var byIndex: [Entry?] = []
  /// Other entries (decoded, or made by hand), by rule id.
  private var byID: [String: Entry] = [:]

  /// No entry written yet.
  init() {}

  /// Where `rule`'s entry was written at this depth, if the same entry was written there before.
  func bytes(of rule: Report.RuleInfo, level: Int) -> Range<Int>? {
    let entry: Entry?
    if let index = rule.packJSON.parts?.index {
      entry = index < byIndex.count ? byIndex[index] : nil
    } else {
      entry = byID[rule.id]
    }
    guard let entry, entry.level == level, entry.rule == rule else { return nil }
    return entry.bytes
  }

  /// Notes that `rule`'s entry was written as `bytes` at this depth (the last one for its rule is
  /// kept).
  mutating func record(_ rule: Report.RuleInfo, level: Int, bytes: Range<Int>) {
    guard let index = rule.packJSON.parts?.index else {
      byID[rule.id] = (rule, level, bytes)
      return
    }
    if index >= byIndex.count {
      byIndex.append(contentsOf: repeatElement(nil, count: index + 1 - byIndex.count))
    }
    byIndex[index] = (rule, level, bytes)
  }
}
