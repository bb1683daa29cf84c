public import RuleEngine

/// A line chart of one score over a course: points, the bands of the score as horizontal lines
/// and the baseline. HTML draws it as inline SVG; text and Markdown leave it to the table beside it.
public struct Chart: Sendable, Hashable {
  /// What the chart shows, as its accessible name.
  public var title: String
  /// A point: the x value (a session number) and the score.
  public struct Point: Sendable, Hashable {
    /// The x value.
    public var x: Double
    /// The score.
    public var y: Double

    /// A point at (x, y).
    public init(x: Double, y: Double) {
      self.x = x
      self.y = y
    }
  }

  /// The points, in order.
  public var points: [Point]
  /// The lowest and highest x shown.
  public var xRange: ClosedRange<Double>
  /// The lowest and highest score shown.
  public var yRange: ClosedRange<Double>
  /// The bands of the score, lowest first.
  public var bands: [ScoreBand]
  /// The baseline score, drawn dashed.
  public var baseline: Double?
  /// The name of the x axis.
  public var xLabel: String

  /// A chart.
  public init(
    title: String, points: [Point], xRange: ClosedRange<Double>,
    yRange: ClosedRange<Double>, bands: [ScoreBand], baseline: Double?, xLabel: String
  ) {
    self.title = title
    self.points = points
    self.xRange = xRange
    self.yRange = yRange
    self.bands = bands
    self.baseline = baseline
    self.xLabel = xLabel
  }
}
