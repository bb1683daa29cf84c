import RuleDiagnostics

/// The smallest changes that would let a rival value in ahead of a picked one.
public struct Competition: Sendable, Hashable {
  /// The output, by index into `Program.outputs`.
  public var output: Int
  /// The picked value.
  public var picked: Int
  /// The closest value that is not picked.
  public var rival: Int
  /// Evidence of the picked value minus the rival's.
  public var gap: Double
  /// Evidence the rival needs to gain to be picked.
  public var needed: Double
  /// Unfired rules supporting the rival whose weight would be enough, nearest first.
  public var flips: [NearMiss]
}
