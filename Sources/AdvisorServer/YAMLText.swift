/// Writing form values into the YAML of a case or formulation. A value is written plain only when
/// it is exactly what the field expects (a declared enum value, a number, a date, `true` or
/// `false`); anything else is a double-quoted string, so that no value can change the file's
/// structure and the checker reports it with its usual diagnostic.
enum YAMLText {
  /// `text` as a YAML double-quoted scalar: `\`, `"` and every control or line-breaking
  /// character escaped.
  static func quoted(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\\": out += "\\\\"
      case "\"": out += "\\\""
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      case "\r": out += "\\r"
      default:
        let v = scalar.value
        if v < 0x20 || (0x7F...0x9F).contains(v) || v == 0x2028 || v == 0x2029 || v == 0xFEFF
          || v == 0xFFFE || v == 0xFFFF
        {
          let hex = String(v, radix: 16, uppercase: true)
          out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }

  /// A number as typed (digits, an optional sign, point and exponent) written plain; else quoted.
  static func number(_ text: String) -> String {
    text.wholeMatch(of: /[+-]?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?/) != nil ? text : quoted(text)
  }

  /// A date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`) written plain; else quoted.
  static func date(_ text: String) -> String {
    text.wholeMatch(of: /[0-9]{4}(-[0-9]{2}){0,2}/) != nil ? text : quoted(text)
  }

  /// `true` or `false` written plain; else quoted.
  static func boolean(_ text: String) -> String {
    text == "true" || text == "false" ? text : quoted(text)
  }

  /// A name written plain when it is one of `allowed`; else quoted.
  static func name(_ text: String, allowed: [String]) -> String {
    allowed.contains(text) ? text : quoted(text)
  }

  /// A flow list of items already written.
  static func list(_ items: [String]) -> String { "[" + items.joined(separator: ", ") + "]" }

  /// A block of YAML typed by the user, each line indented by `indent` spaces under its key.
  static func block(_ text: String, indent: Int) -> String {
    let pad = String(repeating: " ", count: indent)
    return text.split(separator: "\n", omittingEmptySubsequences: false)
      .map { $0.allSatisfy(\.isWhitespace) ? "" : pad + $0 }
      .joined(separator: "\n")
  }
}
