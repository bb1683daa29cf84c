/// A named band of a score (`bands:` in the vocabulary), such as PHQ-9 "moderate" from 10.
public struct ScoreBand: Codable, Sendable, Hashable {
  /// What the band is called.
  public let label: String
  /// The lowest score in the band; the band ends where the next one starts.
  public let from: Double

  package init(label: String, from: Double) {
    self.label = label
    self.from = from
  }

  /// The band a score falls in, given bands sorted lowest first; nil below the first.
  public static func band(of score: Double, in bands: [ScoreBand]) -> ScoreBand? {
    bands.last { score >= $0.from }
  }
}
