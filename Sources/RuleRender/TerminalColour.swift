/// Whether terminal output is coloured: only on a terminal, never when `NO_COLOR` holds a value
/// (the no-color.org convention: an empty `NO_COLOR` does not count), and never for `TERM=dumb`.
public enum TerminalColour {
  /// Whether to colour output written to a stream that `isTerminal` or not, under `environment`.
  public static func enabled(environment: [String: String], isTerminal: Bool) -> Bool {
    guard isTerminal else { return false }
    if let noColour = environment["NO_COLOR"], !noColour.isEmpty { return false }
    if environment["TERM"] == "dumb" { return false }
    return true
  }
}
