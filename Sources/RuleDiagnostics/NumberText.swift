/// Numbers as people read them, in messages and reports: whole numbers without a decimal point,
/// others rounded to at most six decimals (so sums of weights print as `0.3`, not
/// `0.30000000000000004`).
public enum NumberText {
  /// A number as people read it: `3`, `0.5`, `1.333333`.
  public static func format(_ n: Double) -> String {
    guard n.isFinite else { return String(n) }
    if n == n.rounded(), abs(n) < 1e15 { return String(Int(n)) }
    let rounded = (n * 1_000_000).rounded() / 1_000_000
    return rounded == rounded.rounded() && abs(rounded) < 1e15
      ? String(Int(rounded)) : String(rounded)
  }
}
