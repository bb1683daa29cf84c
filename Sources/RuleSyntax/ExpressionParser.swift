package import RuleDiagnostics

/// Parses condition strings into `Expression` trees (recursive descent; see docs/rule-language.md).
package struct ExpressionParser {
  /// The reserved words of the language.
  package static let keywords: Set<String> = [
    "and", "or", "not", "is", "in", "has", "any", "all", "between", "picked", "known", "unknown",
    "some", "no", "every", "count", "of", "where", "true", "false",
  ]

  /// The deepest nesting of sub-expressions accepted.
  static let depthLimit = 64
  /// The longest condition accepted, in characters (Unicode scalars): four times the longest
  /// condition of the default pack, and short enough to check in well under a second.
  package static let lengthLimit = 2_000
  /// The most tokens (names, values, operators) in one condition: four times the default pack's
  /// most. A chain of `or` nests one level per operand, so this also bounds the depth of the tree.
  package static let tokenLimit = 500

  enum Token: Equatable {
    case number(Double)
    case string(String)
    case name(String)
    case symbol(String)
    case end
  }

  struct Lexeme {
    var token: Token
    var start: Int
    var end: Int
  }

  private var lexemes: [Lexeme] = []
  private var position = 0
  private var depth = 0
  private let locate: (Int) -> SourceLocation
  private var diagnostics: [Diagnostic] = []
  private let length: Int

  /// Parses `text`; `locate` maps a Unicode-scalar offset in `text` to a file location.
  package static func parse(
    _ text: String, locate: @escaping (Int) -> SourceLocation
  ) -> (Expression?, [Diagnostic]) {
    let scalars = Self.scalars(of: text)
    let length = scalars.count
    if length > lengthLimit {
      return (
        nil, [SyntaxCatalogue.expressionTooLong(length: length, limit: lengthLimit, at: locate(0))]
      )
    }
    var parser = ExpressionParser(scalars: scalars, locate: locate)
    guard parser.diagnostics.isEmpty else { return (nil, parser.diagnostics) }
    if parser.lexemes.count > tokenLimit + 1 {
      return (
        nil,
        [
          SyntaxCatalogue.expressionTooManyTokens(
            limit: tokenLimit, at: locate(parser.lexemes[tokenLimit].start))
        ]
      )
    }
    if parser.lexemes.count == 1 {
      return (nil, [SyntaxCatalogue.emptyExpression(at: locate(0))])
    }
    do {
      let expression = try parser.parseOr()
      if parser.current.token != .end {
        throw parser.unexpected(expecting: "the end of the condition")
      }
      return (expression, [])
    } catch let error as ParseError {
      return (nil, [error.diagnostic])
    } catch {
      return (
        nil, [SyntaxCatalogue.unexpectedToken("\(error)", expecting: "a condition", at: locate(0))]
      )
    }
  }

  private init(scalars: [Unicode.Scalar], locate: @escaping (Int) -> SourceLocation) {
    self.locate = locate
    self.length = scalars.count
    lex(scalars)
  }

  /// The Unicode scalars of `text`; an ASCII text (every condition of most packs) is read byte by
  /// byte rather than decoded.
  private static func scalars(of text: String) -> [Unicode.Scalar] {
    var text = text
    let ascii = text.withUTF8 { bytes -> [Unicode.Scalar]? in
      var scalars: [Unicode.Scalar] = []
      scalars.reserveCapacity(bytes.count)
      for byte in bytes {
        guard byte < 0x80 else { return nil }
        scalars.append(Unicode.Scalar(byte))
      }
      return scalars
    }
    return ascii ?? Array(text.unicodeScalars)
  }

  struct ParseError: Error {
    var diagnostic: Diagnostic
  }

  // MARK: Lexing

  private mutating func lex(_ s: [Unicode.Scalar]) {
    // About one token in four characters in written conditions: one allocation for most.
    lexemes.reserveCapacity(s.count / 4 + 2)
    var i = 0
    func isNameStart(_ c: Unicode.Scalar) -> Bool {
      (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c == "_"
    }
    func isDigit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }
    /// The text of an ASCII run (names, numbers), written straight into a string's storage.
    func ascii(_ range: Range<Int>) -> String {
      String(unsafeUninitializedCapacity: range.count) { buffer in
        for (k, index) in range.enumerated() {
          buffer[k] = UInt8(truncatingIfNeeded: s[index].value)
        }
        return range.count
      }
    }
    while i < s.count {
      let c = s[i]
      if c == " " || c == "\t" || c == "\n" || c == "\r" {
        i += 1
        continue
      }
      let start = i
      if isDigit(c) {
        while i < s.count, isDigit(s[i]) { i += 1 }
        if i + 1 < s.count, s[i] == ".", isDigit(s[i + 1]) {
          i += 1
          while i < s.count, isDigit(s[i]) { i += 1 }
        }
        lexemes.append(Lexeme(token: .number(Double(ascii(start..<i)) ?? 0), start: start, end: i))
        continue
      }
      if isNameStart(c) {
        while i < s.count, isNameStart(s[i]) || isDigit(s[i]) {
          i += 1
        }
        lexemes.append(Lexeme(token: .name(ascii(start..<i)), start: start, end: i))
        continue
      }
      if c == "\"" || c == "'" {
        i += 1
        var value = String.UnicodeScalarView()
        while i < s.count, s[i] != c {
          value.append(s[i])
          i += 1
        }
        guard i < s.count else {
          diagnostics.append(SyntaxCatalogue.unterminatedString(at: locate(start)))
          return
        }
        i += 1
        lexemes.append(Lexeme(token: .string(String(value)), start: start, end: i))
        continue
      }
      if i + 1 < s.count, s[i + 1] == "=", c == "=" || c == "!" || c == "<" || c == ">" {
        lexemes.append(Lexeme(token: .symbol(String(c) + "="), start: start, end: i + 2))
        i += 2
        continue
      }
      if "()[],.<>+-*/".unicodeScalars.contains(c) {
        lexemes.append(Lexeme(token: .symbol(String(c)), start: start, end: i + 1))
        i += 1
        continue
      }
      if c == "=" {
        diagnostics.append(
          SyntaxCatalogue.unexpectedCharacter(
            "=", at: locate(start), hint: "use '==' or 'is' to compare"))
        return
      }
      if c == "&" || c == "|" || c == "!" {
        let word = c == "&" ? "and" : c == "|" ? "or" : "not"
        diagnostics.append(
          SyntaxCatalogue.unexpectedCharacter(String(c), at: locate(start), hint: "write '\(word)'")
        )
        return
      }
      diagnostics.append(
        SyntaxCatalogue.unexpectedCharacter(String(c), at: locate(start), hint: nil))
      return
    }
    lexemes.append(Lexeme(token: .end, start: s.count, end: s.count))
  }

  // MARK: Helpers

  private var current: Lexeme { lexemes[min(position, lexemes.count - 1)] }

  private func peek(_ offset: Int = 1) -> Token {
    lexemes[min(position + offset, lexemes.count - 1)].token
  }

  private func isWord(_ word: String) -> Bool { current.token == .name(word) }
  private func isSymbol(_ symbol: String) -> Bool { current.token == .symbol(symbol) }

  private mutating func advance() -> Lexeme {
    let lexeme = current
    if position < lexemes.count - 1 { position += 1 }
    return lexeme
  }

  private mutating func expectWord(_ word: String) throws {
    guard isWord(word) else { throw unexpected(expecting: "'\(word)'") }
    _ = advance()
  }

  private mutating func expectSymbol(_ symbol: String) throws {
    guard isSymbol(symbol) else { throw unexpected(expecting: "'\(symbol)'") }
    _ = advance()
  }

  private func describe(_ token: Token) -> String {
    switch token {
    case .number(let n): "number '\(NumberText.format(n))'"
    case .string(let s): "string \"\(s)\""
    case .name(let n): Self.keywords.contains(n) ? "keyword '\(n)'" : "name '\(n)'"
    case .symbol(let s): "'\(s)'"
    case .end: "the end of the condition"
    }
  }

  private func unexpected(expecting: String) -> ParseError {
    ParseError(
      diagnostic: SyntaxCatalogue.unexpectedToken(
        describe(current.token), expecting: expecting, at: locate(current.start)))
  }

  private func make(_ kind: Expression.Kind, from start: Int, to end: Int) -> Expression {
    Expression(kind, span: start..<end, location: locate(start))
  }

  private var previousEnd: Int { position > 0 ? lexemes[position - 1].end : 0 }

  private mutating func nested<T>(_ body: (inout ExpressionParser) throws -> T) throws -> T {
    depth += 1
    defer { depth -= 1 }
    if depth > Self.depthLimit {
      throw ParseError(
        diagnostic: SyntaxCatalogue.expressionTooDeep(
          limit: Self.depthLimit, at: locate(current.start)))
    }
    return try body(&self)
  }

  // MARK: Grammar

  mutating func parseOr() throws -> Expression {
    try nested { p in
      var lhs = try p.parseAnd()
      while p.isWord("or") {
        _ = p.advance()
        let rhs = try p.parseAnd()
        lhs = p.make(.binary(.or, lhs, rhs), from: lhs.span.lowerBound, to: rhs.span.upperBound)
      }
      return lhs
    }
  }

  private mutating func parseAnd() throws -> Expression {
    var lhs = try parseNot()
    while isWord("and") {
      _ = advance()
      let rhs = try parseNot()
      lhs = make(.binary(.and, lhs, rhs), from: lhs.span.lowerBound, to: rhs.span.upperBound)
    }
    return lhs
  }

  private mutating func parseNot() throws -> Expression {
    if isWord("not") {
      let start = advance().start
      let operand = try nested { try $0.parseNot() }
      return make(.not(operand), from: start, to: operand.span.upperBound)
    }
    return try parseTest()
  }

  private mutating func parseTest() throws -> Expression {
    let lhs = try parseSum()
    let start = lhs.span.lowerBound
    if case .symbol(let s) = current.token,
      let op = Expression.BinaryOperator(rawValue: s), op.isComparison
    {
      _ = advance()
      let rhs = try parseSum()
      return make(.binary(op, lhs, rhs), from: start, to: rhs.span.upperBound)
    }
    if isWord("is") {
      _ = advance()
      var negated = false
      if isWord("not") {
        _ = advance()
        negated = true
      }
      let rhs = try parseSum()
      return make(.is(lhs, rhs, negated: negated), from: start, to: rhs.span.upperBound)
    }
    var negated = false
    if isWord("not"), peek() == .name("in") || peek() == .name("between") {
      _ = advance()
      negated = true
    }
    if isWord("between") {
      _ = advance()
      let low = try parseSum()
      try expectWord("and")
      let high = try parseSum()
      return make(.between(lhs, low, high, negated: negated), from: start, to: high.span.upperBound)
    }
    if isWord("in") {
      _ = advance()
      guard isSymbol("[") else { throw unexpected(expecting: "a list such as '[a, b]' after 'in'") }
      let list = try parseList()
      return make(.in(lhs, list, negated: negated), from: start, to: list.span.upperBound)
    }
    if isWord("has") {
      _ = advance()
      var mode = Expression.HasMode.one
      if isWord("any") || isWord("all") {
        mode = isWord("any") ? .any : .all
        _ = advance()
        guard isSymbol("[") else { throw unexpected(expecting: "a list such as '[a, b]'") }
      }
      let rhs = isSymbol("[") ? try parseList() : try parseSum()
      if mode == .one, case .list = rhs.kind { mode = .all }
      return make(.has(lhs, mode, rhs), from: start, to: rhs.span.upperBound)
    }
    if isWord("picked") {
      _ = advance()
      guard case .name(let value) = current.token, !Self.keywords.contains(value) else {
        throw unexpected(expecting: "a value name after 'picked'")
      }
      let lexeme = advance()
      return make(
        .picked(lhs, Located(value, at: locate(lexeme.start))), from: start, to: lexeme.end)
    }
    return lhs
  }

  private mutating func parseSum() throws -> Expression {
    var lhs = try parseProduct()
    while isSymbol("+") || isSymbol("-") {
      let op: Expression.BinaryOperator = isSymbol("+") ? .add : .subtract
      _ = advance()
      let rhs = try parseProduct()
      lhs = make(.binary(op, lhs, rhs), from: lhs.span.lowerBound, to: rhs.span.upperBound)
    }
    return lhs
  }

  private mutating func parseProduct() throws -> Expression {
    var lhs = try parseUnary()
    while isSymbol("*") || isSymbol("/") {
      let op: Expression.BinaryOperator = isSymbol("*") ? .multiply : .divide
      _ = advance()
      let rhs = try parseUnary()
      lhs = make(.binary(op, lhs, rhs), from: lhs.span.lowerBound, to: rhs.span.upperBound)
    }
    return lhs
  }

  private mutating func parseUnary() throws -> Expression {
    if isSymbol("-") {
      let start = advance().start
      let operand = try nested { try $0.parseUnary() }
      if case .number(let n) = operand.kind {
        return make(.number(-n), from: start, to: operand.span.upperBound)
      }
      return make(.negate(operand), from: start, to: operand.span.upperBound)
    }
    return try parsePrimary()
  }

  private mutating func parseList() throws -> Expression {
    let start = advance().start  // "["
    var items: [Expression] = []
    if !isSymbol("]") {
      items.append(try parseSum())
      while isSymbol(",") {
        _ = advance()
        items.append(try parseSum())
      }
    }
    guard isSymbol("]") else { throw unexpected(expecting: "',' or ']'") }
    let end = advance().end
    return make(.list(items), from: start, to: end)
  }

  private mutating func parsePath() throws -> Expression {
    guard case .name(let first) = current.token, !Self.keywords.contains(first) else {
      throw unexpected(expecting: "a name")
    }
    let start = advance().start
    var parts = [first]
    while isSymbol(".") {
      _ = advance()
      guard case .name(let next) = current.token, !Self.keywords.contains(next) else {
        throw unexpected(expecting: "a field name after '.'")
      }
      _ = advance()
      parts.append(next)
    }
    return make(.path(parts), from: start, to: previousEnd)
  }

  private mutating func parsePrimary() throws -> Expression {
    let lexeme = current
    switch lexeme.token {
    case .number(let n):
      guard abs(n) <= ScalarText.magnitudeLimit else {
        throw ParseError(
          diagnostic: SyntaxCatalogue.numberOutOfBounds(
            NumberText.format(n), what: "the number", limit: ScalarText.magnitudeLimit,
            at: locate(lexeme.start)))
      }
      _ = advance()
      return make(.number(n), from: lexeme.start, to: lexeme.end)
    case .string(let s):
      _ = advance()
      return make(.string(s), from: lexeme.start, to: lexeme.end)
    case .symbol("("):
      _ = advance()
      let inner = try parseOr()
      guard isSymbol(")") else { throw unexpected(expecting: "')'") }
      let end = advance().end
      var grouped = inner
      grouped.span = lexeme.start..<end
      grouped.location = locate(lexeme.start)
      return grouped
    case .symbol("["):
      return try parseList()
    case .name("true"), .name("false"):
      _ = advance()
      return make(.boolean(lexeme.token == .name("true")), from: lexeme.start, to: lexeme.end)
    case .name("known"), .name("unknown"):
      _ = advance()
      try expectSymbol("(")
      let path = try parsePath()
      try expectSymbol(")")
      return make(.known(path, lexeme.token == .name("known")), from: lexeme.start, to: previousEnd)
    case .name("some"), .name("no"), .name("every"), .name("count"):
      return try parseQuantifier()
    case .name(let word)
    where peek() == .symbol("(")
      && (Expression.Aggregate(rawValue: word) != nil || Self.dateFunctions[word] != nil):
      return try parseCall(word)
    case .name(let word) where !Self.keywords.contains(word):
      return try parsePath()
    default:
      throw unexpected(expecting: "a value, a name or '('")
    }
  }

  /// The date-difference functions and their units.
  static let dateFunctions: [String: Expression.DateUnit] = [
    "days_between": .days, "weeks_between": .weeks, "months_between": .months,
  ]

  /// `min(VALUE for x in LIST [where FILTER])`, or `days_between(a, b)` and its kin. The names are
  /// not reserved: they are calls only when followed by '('.
  private mutating func parseCall(_ word: String) throws -> Expression {
    let head = advance()
    try expectSymbol("(")
    if let unit = Self.dateFunctions[word] {
      let from = try nested { try $0.parseSum() }
      try expectSymbol(",")
      let to = try nested { try $0.parseSum() }
      try expectSymbol(")")
      return make(.dateDifference(unit, from, to), from: head.start, to: previousEnd)
    }
    guard let aggregate = Expression.Aggregate(rawValue: word) else {
      throw unexpected(expecting: "an aggregate")
    }
    let valueExpression = try nested { try $0.parseSum() }
    guard isWord("for") else {
      throw unexpected(expecting: "'for', as in '\(word)(e.score for e in LIST where ...)'")
    }
    _ = advance()
    guard case .name(let variable) = current.token, !Self.keywords.contains(variable) else {
      throw unexpected(expecting: "a variable name, as in '\(word)(e.score for e in LIST)'")
    }
    let variableLexeme = advance()
    try expectWord("in")
    let list = try parsePath()
    var filter: Expression?
    if isWord("where") {
      _ = advance()
      filter = try nested { try $0.parseOr() }
    }
    try expectSymbol(")")
    return make(
      .aggregate(
        aggregate, value: valueExpression,
        variable: Located(variable, at: locate(variableLexeme.start)), list: list, filter: filter),
      from: head.start, to: previousEnd)
  }

  private mutating func parseQuantifier() throws -> Expression {
    let head = advance()
    guard case .name(let word) = head.token, let quantifier = Expression.Quantifier(rawValue: word)
    else { throw unexpected(expecting: "a quantifier") }
    if quantifier == .count { try expectWord("of") }
    guard case .name(let variable) = current.token, !Self.keywords.contains(variable) else {
      throw unexpected(expecting: "a variable name, as in '\(word) e in LIST where ...'")
    }
    let variableLexeme = advance()
    try expectWord("in")
    let list = try parsePath()
    var body: Expression?
    if isWord("where") {
      _ = advance()
      body = try nested { try $0.parseOr() }
    } else if quantifier != .count {
      throw unexpected(expecting: "'where'")
    }
    return make(
      .quantifier(
        quantifier, variable: Located(variable, at: locate(variableLexeme.start)), list: list,
        body: body),
      from: head.start, to: previousEnd)
  }
}
