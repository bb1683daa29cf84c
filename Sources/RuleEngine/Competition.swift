import RuleDiagnostics

/// The smallest changes that would let a rival value in ahead of a picked one.
public struct Competition: Sendable, Hashable {
  public var output: Int
  public var picked: Int
  public var rival: Int
  /// Evidence of the picked value minus the rival's.
  public var gap: Double
  /// Evidence the rival needs to gain to be picked.
  public var needed: Double
  /// Unfired rules supporting the rival whose weight would be enough, nearest first.
  public var flips: [NearMiss]
}
