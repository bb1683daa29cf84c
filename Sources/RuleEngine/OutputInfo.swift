import RuleDiagnostics

/// An output kind and its picking policy.
public struct OutputInfo: Sendable, Hashable {
  /// The output's name.
  public let name: String
  /// The output's title.
  public let title: String
  /// At most this many values are picked (nil: no limit).
  public let max: Int?
  /// Evidence a value needs to be picked.
  public let minWeight: Double
  /// The values, in declared order.
  public let values: [OutputValueInfo]

  package init(name: String, title: String, max: Int?, minWeight: Double, values: [OutputValueInfo])
  {
    self.name = name
    self.title = title
    self.max = max
    self.minWeight = minWeight
    self.values = values
  }
}
