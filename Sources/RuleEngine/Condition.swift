public import RuleDiagnostics

/// One top-level condition of a rule (an item of its `when:` list).
public struct Condition: Sendable, Hashable {
  public var text: String
  public var location: SourceLocation
  public var node: Node
  /// The quantifier variables (local indices) this condition binds.
  public var locals: Range<Int>
  /// Outputs this condition reads with `picked`.
  public var pickedOutputs: [Int]

  public init(
    text: String, location: SourceLocation, node: Node, locals: Range<Int> = 0..<0, pickedOutputs: [Int] = []
  ) {
    self.text = text
    self.location = location
    self.node = node
    self.locals = locals
    self.pickedOutputs = pickedOutputs
  }
}
