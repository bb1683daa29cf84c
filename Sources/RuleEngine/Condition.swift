public import RuleDiagnostics

/// One top-level condition of a rule (an item of its `when:` list).
public struct Condition: Sendable, Hashable {
  /// The condition as written.
  public let text: String
  /// Where it is written in the pack.
  public let location: SourceLocation
  package var node: Node
  /// The quantifier variables (local indices) this condition binds.
  public let locals: Range<Int>
  /// Outputs this condition reads with `picked`.
  public let pickedOutputs: [Int]

  package init(
    text: String, location: SourceLocation, node: Node, locals: Range<Int> = 0..<0,
    pickedOutputs: [Int] = []
  ) {
    self.text = text
    self.location = location
    self.node = node
    self.locals = locals
    self.pickedOutputs = pickedOutputs
  }
}
