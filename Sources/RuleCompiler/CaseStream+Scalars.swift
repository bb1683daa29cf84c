import RuleEngine
import RuleSyntax

/// Scalars read from their bytes, each exactly as the node tree reads the same text (falling back
/// to its `String` functions for the rare spellings not handled here).
extension CaseStream {
  /// `ScalarText.boolean`, on bytes.
  static func boolean(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
    switch bytes.count {
    case 4, 5:
      let word = bytes.count == 4 ? "true" : "false"
      var lower = true
      var upper = true
      var capital = true
      for (i, expected) in word.utf8.enumerated() {
        let byte = bytes[i]
        let upperCase = expected &- 32
        if byte != expected { lower = false }
        if byte != upperCase { upper = false }
        if byte != (i == 0 ? upperCase : expected) { capital = false }
      }
      return lower || upper || capital ? bytes.count == 4 : nil
    default:
      return nil
    }
  }

  /// `ScalarText.number`, on bytes. Decimal numbers of at most 15 significant digits and 22
  /// decimals are worked out directly: the digits as a whole number and the power of ten are
  /// both exact, so one division rounds as `Double(String)` does. Anything else goes through
  /// `ScalarText.number`.
  static func number(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
    var index = 0
    let negative = bytes.count > 0 && bytes[0] == UInt8(ascii: "-")
    if negative { index = 1 }
    var digits = 0
    var decimals = 0
    var point = false
    var mantissa: UInt64 = 0
    while index < bytes.count {
      let byte = bytes[index]
      index += 1
      if byte == UInt8(ascii: "."), !point {
        point = true
        continue
      }
      guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9"), digits < 15 else {
        return ScalarText.number(String(decoding: bytes, as: UTF8.self))
      }
      digits += 1
      if point { decimals += 1 }
      mantissa = mantissa * 10 + UInt64(byte &- UInt8(ascii: "0"))
    }
    // At least one digit before the point (`.5` and `5.` go the long way, as do empty texts).
    guard digits > decimals, !point || decimals > 0 else {
      return ScalarText.number(String(decoding: bytes, as: UTF8.self))
    }
    let value = Double(mantissa) / powersOfTen[decimals]
    return negative ? -value : value
  }

  /// 10^0 ... 10^15, each exact.
  private static let powersOfTen: [Double] = (0...15).map { k in
    (0..<k).reduce(1.0) { a, _ in a * 10 }
  }

  /// A date given in full, to the month or to the year, as `CaseCompiler.convert` turns it into
  /// a value: the day, or the interval of days. Nil when it is no such date.
  static func partialDate(_ bytes: UnsafeBufferPointer<UInt8>) -> Value? {
    func digits(_ range: Range<Int>) -> Int? {
      var n = 0
      for index in range {
        let byte = bytes[index]
        guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
        n = n * 10 + Int(byte &- UInt8(ascii: "0"))
      }
      return n
    }
    let dash = UInt8(ascii: "-")
    switch bytes.count {
    case 4:
      if let y = digits(0..<4) {
        return .interval(Double(CaseCompiler.days(y, 1, 1)), Double(CaseCompiler.days(y, 12, 31)))
      }
    case 7:
      if bytes[4] == dash, let y = digits(0..<4), let m = digits(5..<7), (1...12).contains(m) {
        return .interval(
          Double(CaseCompiler.days(y, m, 1)),
          Double(CaseCompiler.days(y, m, CaseCompiler.monthLength(y, m))))
      }
    case 10:
      if bytes[4] == dash, bytes[7] == dash, let y = digits(0..<4), let m = digits(5..<7),
        let d = digits(8..<10), (1...12).contains(m), d >= 1, d <= CaseCompiler.monthLength(y, m)
      {
        return .date(CaseCompiler.days(y, m, d))
      }
    default:
      break
    }
    // Other spellings the tree also takes (such as `2024-01-05-`), the slow way.
    let text = String(decoding: bytes, as: UTF8.self)
    guard let (first, last) = CaseCompiler.days(fromPartialDate: text) else { return nil }
    return first == last ? .date(first) : .interval(Double(first), Double(last))
  }
}
