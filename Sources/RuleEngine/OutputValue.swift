import RuleDiagnostics

/// An output and one of its values.
public struct OutputValue: Sendable, Hashable, Comparable {
  /// The output, by index into `Program.outputs`.
  public var output: Int
  /// The value, by index into the output's values.
  public var value: Int

  /// By output, then by value, in declared order.
  public static func < (lhs: OutputValue, rhs: OutputValue) -> Bool {
    (lhs.output, lhs.value) < (rhs.output, rhs.value)
  }
}
