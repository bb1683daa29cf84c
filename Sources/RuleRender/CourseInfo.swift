public import RuleEngine
/// The course of therapy as a case records it (the pack's `section: course` list, such as the
/// sessions), with the scores of every banded instrument and what they add up to: the baseline,
/// the latest and lowest score, and the change. Plain arithmetic on the case, no rule.
public struct CourseInfo: Codable, Sendable, Hashable {
  /// One column of the table: a field of the list.
  public struct Column: Codable, Sendable, Hashable {
    /// The field's name.
    public var name: String
    /// What it records.
    public var description: String?
    /// The instrument it is like (its bands), when it is a banded score.
    public var instrument: String?
  }

  /// One item of the list (a session): its values by column, in column order ("" when absent).
  public struct Row: Codable, Sendable, Hashable {
    /// The value of each column, as written or its default.
    public var values: [String]
    /// For a banded score, its band; nil elsewhere.
    public var bands: [String?]
  }

  /// One banded instrument over the course.
  public struct Instrument: Codable, Sendable, Hashable {
    /// The field (and the finding it is like).
    public var name: String
    /// The instrument's declared range.
    public var range: [Double]?
    /// Its bands, lowest first.
    public var bands: [ScoreBand]
    /// The 1-based item number and score of every item that records it exactly.
    public var points: [Point]
    /// The first score (the baseline), the latest, the lowest.
    public var baseline: Double?
    /// The latest score.
    public var latest: Double?
    /// The lowest score.
    public var lowest: Double?
    /// The latest score's band.
    public var latestBand: String?
    /// Latest minus baseline.
    public var change: Double?
    /// The change as a percentage of the baseline, one decimal (nil for a baseline of 0).
    public var percentChange: Double?

    enum CodingKeys: String, CodingKey {
      case name, range, bands, points, baseline, latest, lowest, change
      case latestBand = "latest_band"
      case percentChange = "percent_change"
    }
  }

  /// A score at one item.
  public struct Point: Codable, Sendable, Hashable {
    /// The item's position in the list, from 1.
    public var item: Int
    /// The score.
    public var value: Double
  }

  /// The list finding (for example `sessions`).
  public var finding: String
  /// Its columns.
  public var columns: [Column]
  /// Its items, in order.
  public var rows: [Row]
  /// Every banded instrument that has at least one score.
  public var instruments: [Instrument]
}
