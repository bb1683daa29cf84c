import RuleDiagnostics

/// An output and one of its values.
public struct OutputValue: Sendable, Hashable, Comparable {
  public var output: Int
  public var value: Int

  public static func < (lhs: OutputValue, rhs: OutputValue) -> Bool {
    (lhs.output, lhs.value) < (rhs.output, rhs.value)
  }
}
