/// The rule entries already written into one report's JSON, with where their bytes are. A rule
/// shows up under several values (supporting one, a near miss of another, raising an alert), and
/// its entry, the largest part of a report, is written once and then copied byte for byte.
struct RuleEntryCopies {
  private var written: [String: (rule: Report.RuleInfo, level: Int, bytes: Range<Int>)]

  /// No entry written yet; room for a pack's worth of rules without growing.
  init() { written = Dictionary(minimumCapacity: 128) }

  /// Where `rule`'s entry was written at this depth, if the same entry was written there before.
  func bytes(of rule: Report.RuleInfo, level: Int) -> Range<Int>? {
    guard let entry = written[rule.id], entry.level == level, entry.rule == rule else {
      return nil
    }
    return entry.bytes
  }

  /// Notes that `rule`'s entry was written as `bytes` at this depth (the last one for its id is
  /// kept).
  mutating func record(_ rule: Report.RuleInfo, level: Int, bytes: Range<Int>) {
    written[rule.id] = (rule, level, bytes)
  }
}
