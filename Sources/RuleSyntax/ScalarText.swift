import RuleDiagnostics

/// How plain YAML scalars read as numbers and booleans, the same for packs and cases.
package enum ScalarText {
  /// A finite number (digits, sign, point, exponent, `_` separators), or nil: `nan`, `inf` and hex
  /// are not numbers here.
  package static func number(_ text: String) -> Double? {
    guard !text.isEmpty else { return nil }
    var underscores = false
    for c in text.utf8 {
      switch c {
      case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "-"),
        UInt8(ascii: "+"),
        UInt8(ascii: "e"), UInt8(ascii: "E"):
        continue
      case UInt8(ascii: "_"): underscores = true
      default: return nil
      }
    }
    guard let n = Double(underscores ? text.filter { $0 != "_" } : text), n.isFinite else {
      return nil
    }
    return n
  }

  /// The largest magnitude of a number in a pack or a case: 10^12, beyond any score, age, count
  /// or date, and small enough that sums and differences stay exact.
  package static let magnitudeLimit = 1e12
  /// The largest magnitude of a rule's `weight` or an output's `min_weight`: evidence points are
  /// small numbers, and no single rule may outweigh a thousand others.
  package static let weightLimit = 1_000.0

  /// `true` / `false` (also capitalised or upper case), or nil.
  package static func boolean(_ text: String) -> Bool? {
    switch text {
    case "true", "True", "TRUE": true
    case "false", "False", "FALSE": false
    default: nil
    }
  }
}
