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

  /// `true` / `false` (also capitalised or upper case), or nil.
  package static func boolean(_ text: String) -> Bool? {
    switch text {
    case "true", "True", "TRUE": true
    case "false", "False", "FALSE": false
    default: nil
    }
  }
}
