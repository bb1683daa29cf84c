public import RuleDiagnostics

/// Where a case value came from: the value's location and, for lists, each element's and field's.
public struct FactOrigin: Sendable, Hashable {
  /// Where the value is written.
  public var location: SourceLocation
  /// For a list: where each element is written.
  public var elements: [SourceLocation]
  /// Per element, per field slot: where that field was written (nil when absent).
  public var fields: [[SourceLocation?]]

  /// Creates the origin of a value.
  package init(
    location: SourceLocation, elements: [SourceLocation] = [], fields: [[SourceLocation?]] = []
  ) {
    self.location = location
    self.elements = elements
    self.fields = fields
  }
}
