import RuleEngine
import Testing

@Suite("Kleene three-valued logic")
struct TruthTests {
  static let values: [Truth] = [.false, .unknown, .true]

  @Test("and: false wins, then unknown", arguments: values, values)
  func conjunction(a: Truth, b: Truth) {
    let expected: Truth =
      (a == .false || b == .false) ? .false : (a == .unknown || b == .unknown) ? .unknown : .true
    #expect((a && b) == expected)
  }

  @Test("or: true wins, then unknown", arguments: values, values)
  func disjunction(a: Truth, b: Truth) {
    let expected: Truth =
      (a == .true || b == .true) ? .true : (a == .unknown || b == .unknown) ? .unknown : .false
    #expect((a || b) == expected)
  }

  @Test("not keeps unknown unknown")
  func negation() {
    #expect(!Truth.true == .false)
    #expect(!Truth.false == .true)
    #expect(!Truth.unknown == .unknown)
  }
}
