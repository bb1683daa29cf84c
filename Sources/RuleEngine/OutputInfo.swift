import RuleDiagnostics

/// An output kind and its picking policy.
public struct OutputInfo: Sendable, Hashable {
  public var name: String
  public var title: String
  public var max: Int?
  public var minWeight: Double
  public var values: [OutputValueInfo]

  public init(name: String, title: String, max: Int?, minWeight: Double, values: [OutputValueInfo]) {
    self.name = name
    self.title = title
    self.max = max
    self.minWeight = minWeight
    self.values = values
  }
}
