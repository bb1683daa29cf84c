import TestSupport
import RuleDiagnostics
import RuleSyntax
import Testing

/// The condition language's parser: precedence, every operator, and where syntax errors point.
@Suite("Expression parser")
struct ExpressionParserTests {
  static func parse(_ text: String) -> (Expression?, [Diagnostic]) {
    ExpressionParser.parse(text) { offset in SourceLocation(file: "t", line: 1, column: offset + 1)
    }
  }

  /// A fully parenthesised rendering of a parse tree, so that a table can state the grouping.
  static func render(_ e: Expression) -> String {
    switch e.kind {
    case .number(let n):
      return n == n.rounded() && abs(n) < 1e15 ? String(Int(n)) : String(n)
    case .string(let s): return "\"\(s)\""
    case .boolean(let b): return b ? "true" : "false"
    case .path(let parts): return parts.joined(separator: ".")
    case .list(let items): return "[" + items.map(render).joined(separator: ", ") + "]"
    case .known(let inner, let known): return "(\(known ? "known" : "unknown") \(render(inner)))"
    case .quantifier(let q, let variable, let list, let body):
      let head = "(\(q.rawValue) \(variable.value) \(render(list))"
      return body.map { "\(head) \(render($0)))" } ?? "\(head))"
    case .not(let inner): return "(not \(render(inner)))"
    case .negate(let inner): return "(neg \(render(inner)))"
    case .binary(let op, let lhs, let rhs): return "(\(op.rawValue) \(render(lhs)) \(render(rhs)))"
    case .is(let lhs, let rhs, let negated):
      return "(\(negated ? "is-not" : "is") \(render(lhs)) \(render(rhs)))"
    case .between(let x, let low, let high, let negated):
      return "(\(negated ? "not-between" : "between") \(render(x)) \(render(low)) \(render(high)))"
    case .in(let x, let list, let negated):
      return "(\(negated ? "not-in" : "in") \(render(x)) \(render(list)))"
    case .has(let x, let mode, let rhs):
      let op = mode == .one ? "has" : "has-\(mode.rawValue)"
      return "(\(op) \(render(x)) \(render(rhs)))"
    case .picked(let output, let value): return "(picked \(render(output)) \(value.value))"
    case .aggregate(let aggregate, let value, let variable, let list, let filter):
      let head = "(\(aggregate.rawValue) \(render(value)) \(variable.value) \(render(list))"
      return filter.map { "\(head) \(render($0)))" } ?? "\(head))"
    case .dateDifference(let unit, let from, let to):
      return "(\(unit.rawValue)-between \(render(from)) \(render(to)))"
    }
  }

  static func children(_ e: Expression) -> [Expression] {
    switch e.kind {
    case .number, .string, .boolean, .path: []
    case .list(let items): items
    case .known(let inner, _), .not(let inner), .negate(let inner): [inner]
    case .quantifier(_, _, let list, let body): [list] + (body.map { [$0] } ?? [])
    case .binary(_, let a, let b), .is(let a, let b, _), .in(let a, let b, _),
      .has(let a, _, let b):
      [a, b]
    case .between(let a, let b, let c, _): [a, b, c]
    case .picked(let output, _): [output]
    case .aggregate(_, let value, _, let list, let filter):
      [value, list] + (filter.map { [$0] } ?? [])
    case .dateDifference(_, let a, let b): [a, b]
    }
  }

  // MARK: Precedence

  static let precedence: [(String, String)] = [
    ("a or b and c", "(or a (and b c))"),
    ("a and b or c", "(or (and a b) c)"),
    ("a or b or c", "(or (or a b) c)"),
    ("a and b and c", "(and (and a b) c)"),
    ("(a or b) and c", "(and (or a b) c)"),
    ("not a and b", "(and (not a) b)"),
    ("not a or not b", "(or (not a) (not b))"),
    ("not not a", "(not (not a))"),
    ("not (a and b)", "(not (and a b))"),
    ("not a == b", "(not (== a b))"),
    ("a == b and c != d", "(and (== a b) (!= c d))"),
    ("a + b > c * 2", "(> (+ a b) (* c 2))"),
    ("a + b * c", "(+ a (* b c))"),
    ("a * b + c", "(+ (* a b) c)"),
    ("(a + b) * c", "(* (+ a b) c)"),
    ("a - b - c", "(- (- a b) c)"),
    ("a / b * c", "(* (/ a b) c)"),
    ("-a * b", "(* (neg a) b)"),
    ("- -a", "(neg (neg a))"),
    ("-3 < x", "(< -3 x)"),
    ("x - -2.5 >= 0", "(>= (- x -2.5) 0)"),
    ("((a))", "a"),
    ("a between 1 and 5 and b", "(and (between a 1 5) b)"),
    ("a + 1 between b - 1 and c * 2", "(between (+ a 1) (- b 1) (* c 2))"),
    ("a is b or c is not d", "(or (is a b) (is-not c d))"),
    (
      "some e in life_events where e.kind is death and e.months_ago <= 12 or x",
      "(some e life_events (or (and (is e.kind death) (<= e.months_ago 12)) x))"
    ),
    (
      "(some e in life_events where e.kind is death) and age >= 18",
      "(and (some e life_events (is e.kind death)) (>= age 18))"
    ),
    (
      "count of e in life_events where e.kind is death >= 2",
      "(>= (count e life_events (is e.kind death)) 2)"
    ),
    ("count of e in life_events > 1 + 1", "(> (count e life_events) (+ 1 1))"),
    (
      "last(s.phq9 for s in sessions where known(s.phq9)) <= first(s.phq9 for s in sessions) * 0.5",
      "(<= (last s.phq9 s sessions (known s.phq9)) (* (first s.phq9 s sessions) 0.5))"
    ),
    (
      "min(s.phq9 for s in sessions where s.attended and s.number > 2) + 5 < 10",
      "(< (+ (min s.phq9 s sessions (and s.attended (> s.number 2))) 5) 10)"
    ),
    (
      "weeks_between(onset_date, last(s.date for s in sessions)) >= 6",
      "(>= (weeks-between onset_date (last s.date s sessions)) 6)"
    ),
    ("min + max > sum", "(> (+ min max) sum)"),
  ]

  @Test("operators bind in the documented order", arguments: precedence)
  func bindsInDocumentedOrder(text: String, expected: String) throws {
    let (expression, diagnostics) = Self.parse(text)
    #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
    let parsed = try #require(expression)
    #expect(Self.render(parsed) == expected)
  }

  // MARK: Every operator

  static let operators: [(String, String)] = [
    ("a == b", "(== a b)"),
    ("a != b", "(!= a b)"),
    ("a < 1", "(< a 1)"),
    ("a <= 1", "(<= a 1)"),
    ("a > 1", "(> a 1)"),
    ("a >= 1", "(>= a 1)"),
    ("a is b", "(is a b)"),
    ("a is not b", "(is-not a b)"),
    ("a between 1 and 2", "(between a 1 2)"),
    ("a not between 1 and 2", "(not-between a 1 2)"),
    ("a in [x, y]", "(in a [x, y])"),
    ("a not in [x]", "(not-in a [x])"),
    ("a in []", "(in a [])"),
    ("s has x", "(has s x)"),
    ("s has any [x, y]", "(has-any s [x, y])"),
    ("s has all [x, y]", "(has-all s [x, y])"),
    ("s has [x, y]", "(has-all s [x, y])"),
    ("focus picked grief", "(picked focus grief)"),
    ("known(age)", "(known age)"),
    ("unknown(e.kind)", "(unknown e.kind)"),
    ("some e in life_events where e.kind is death", "(some e life_events (is e.kind death))"),
    ("no e in life_events where e.who is partner", "(no e life_events (is e.who partner))"),
    ("every e in life_events where e.months_ago < 6", "(every e life_events (< e.months_ago 6))"),
    ("count of e in life_events", "(count e life_events)"),
    ("count of e in life_events where e.kind is move", "(count e life_events (is e.kind move))"),
    ("a + b", "(+ a b)"),
    ("a - b", "(- a b)"),
    ("a * b", "(* a b)"),
    ("a / b", "(/ a b)"),
    ("-a", "(neg a)"),
    ("flag", "flag"),
    ("flag == true", "(== flag true)"),
    ("flag != false", "(!= flag false)"),
    ("name == \"Zoë\"", "(== name \"Zoë\")"),
    ("name in ['a b', \"c\"]", "(in name [\"a b\", \"c\"])"),
    ("score >= 4.5", "(>= score 4.5)"),
    ("a==b", "(== a b)"),
    ("a\n  and\tb", "(and a b)"),
    ("e.kind.sub", "e.kind.sub"),
  ]

  @Test("every operator parses to its own node", arguments: operators)
  func everyOperatorParses(text: String, expected: String) throws {
    let (expression, diagnostics) = Self.parse(text)
    #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
    let parsed = try #require(expression)
    #expect(Self.render(parsed) == expected)
  }

  @Test("every node's span covers exactly its source text and its location is where it starts")
  func spansCoverSourceText() throws {
    let text = "phq9 >= 10 and not (x is y) or some e in life_events where -e.n * 2 < 3"
    let (expression, _) = Self.parse(text)
    let root = try #require(expression)
    let scalars = Array(text.unicodeScalars)
    var sources: [String] = []
    var stack = [root]
    while let node = stack.popLast() {
      sources.append(String(String.UnicodeScalarView(scalars[node.span])))
      #expect(node.location.column == node.span.lowerBound + 1)
      stack += Self.children(node).reversed()
    }
    #expect(
      sources == [
        text,
        "phq9 >= 10 and not (x is y)",
        "phq9 >= 10", "phq9", "10",
        "not (x is y)", "(x is y)", "x", "y",
        "some e in life_events where -e.n * 2 < 3", "life_events",
        "-e.n * 2 < 3", "-e.n * 2", "-e.n", "e.n", "2", "3",
      ])
  }

  @Test("keywords cannot be used as names")
  func keywordsAreReserved() {
    for keyword in ExpressionParser.keywords.sorted()
    where !["true", "false", "not", "known", "unknown", "some", "no", "every", "count"].contains(
      keyword)
    {
      let (expression, diagnostics) = Self.parse("\(keyword) == 1")
      #expect(expression == nil, "'\(keyword)' parsed as a name")
      #expect(diagnostics.first?.code == .expressionSyntax)
      #expect(diagnostics.first?.location.column == 1)
    }
  }

  // MARK: Error positions

  struct Malformed: Sendable, CustomTestStringConvertible {
    var marked: String
    var message: String
    var hint: String? = nil
    var testDescription: String { MarkedText(marked).text.debugDescription }
  }

  static let malformed: [Malformed] = [
    .init(
      marked: "phq9 >=1️⃣", message: "expected a value, a name or '(', found the end of the condition"
    ),
    .init(
      marked: "phq9 >= 1️⃣and age", message: "expected a value, a name or '(', found keyword 'and'"),
    .init(
      marked: "a 1️⃣= 1", message: "unexpected character '=' in the condition",
      hint: "use '==' or 'is' to compare"),
    .init(marked: "(a and b1️⃣", message: "expected ')', found the end of the condition"),
    .init(
      marked: "some e 1️⃣life_events where x", message: "expected 'in', found name 'life_events'"),
    .init(
      marked: "1️⃣\"unterminated", message: "unterminated string in the condition",
      hint: "close the string with a matching quote"),
    .init(marked: "x == 1️⃣'it", message: "unterminated string in the condition"),
    .init(
      marked: "a 1️⃣&& b", message: "unexpected character '&' in the condition", hint: "write 'and'"),
    .init(
      marked: "a 1️⃣|| b", message: "unexpected character '|' in the condition", hint: "write 'or'"),
    .init(marked: "1️⃣!a", message: "unexpected character '!' in the condition", hint: "write 'not'"),
    .init(marked: "a 1️⃣# comment", message: "unexpected character '#' in the condition"),
    .init(marked: "\"größe\" 1️⃣= 1", message: "unexpected character '=' in the condition"),
    .init(marked: "1️⃣", message: "the condition is empty"),
    .init(marked: "1️⃣   ", message: "the condition is empty"),
    .init(marked: "1️⃣) or a", message: "expected a value, a name or '(', found ')'"),
    .init(marked: "a == b 1️⃣c", message: "expected the end of the condition, found name 'c'"),
    .init(marked: "a 1️⃣b)", message: "expected the end of the condition, found name 'b'"),
    .init(
      marked: "age in 1️⃣18",
      message: "expected a list such as '[a, b]' after 'in', found number '18'"),
    .init(marked: "age 1️⃣not 18", message: "expected the end of the condition, found keyword 'not'"),
    .init(marked: "x has any 1️⃣y", message: "expected a list such as '[a, b]', found name 'y'"),
    .init(marked: "[1, 2 1️⃣3]", message: "expected ',' or ']', found number '3'"),
    .init(
      marked: "focus picked 1️⃣and",
      message: "expected a value name after 'picked', found keyword 'and'"),
    .init(marked: "known(1️⃣3)", message: "expected a name, found number '3'"),
    .init(marked: "known 1️⃣age", message: "expected '(', found name 'age'"),
    .init(marked: "e.1️⃣3 > 1", message: "expected a field name after '.', found number '3'"),
    .init(marked: "a between 1 1️⃣or 3", message: "expected 'and', found keyword 'or'"),
    .init(marked: "count 1️⃣e in l", message: "expected 'of', found name 'e'"),
    .init(
      marked: "some 1️⃣in in l where x",
      message: "expected a variable name, as in 'some e in LIST where ...', found keyword 'in'"),
    .init(marked: "some e in l1️⃣", message: "expected 'where', found the end of the condition"),
    .init(marked: "every e in 1️⃣[x] where x", message: "expected a name, found '['"),
    .init(
      marked: "min(s.phq9 1️⃣in sessions) < 5",
      message: "expected 'for', as in 'min(e.score for e in LIST where ...)', found keyword 'in'"),
    .init(
      marked: "last(s.phq9 for s in sessions where s.attended1️⃣",
      message: "expected ')', found the end of the condition"),
    .init(marked: "days_between(a 1️⃣b) > 1", message: "expected ',', found name 'b'"),
    .init(
      marked: String(repeating: "(", count: 64) + "1️⃣" + String(repeating: "(", count: 6) + "a"
        + String(repeating: ")", count: 70),
      message: "the condition nests more than 64 levels deep"),
  ]

  @Test("a malformed condition is reported at the offending character", arguments: malformed)
  func malformedConditionPointsAtTheProblem(example: Malformed) throws {
    let marked = MarkedText(example.marked)
    let (expression, diagnostics) = Self.parse(marked.text)
    #expect(expression == nil)
    let diagnostic = try #require(diagnostics.first)
    #expect(diagnostics.count == 1)
    #expect(diagnostic.code == .expressionSyntax)
    #expect(diagnostic.severity == .error)
    #expect(diagnostic.message == example.message)
    #expect(diagnostic.location == marked.location(file: "t"))
    if let hint = example.hint { #expect(diagnostic.hint == hint) }
  }

  @Test(
    "the locate closure receives Unicode-scalar offsets, so columns after non-ASCII text are right")
  func offsetsCountUnicodeScalars() throws {
    // 'é' written as e + combining accent is two scalars but one Character.
    let text = "name == \"Cafe\u{301}\" and 1 +"
    let (_, diagnostics) = Self.parse(text)
    let diagnostic = try #require(diagnostics.first)
    #expect(diagnostic.location.column == text.unicodeScalars.count + 1)
  }
}
