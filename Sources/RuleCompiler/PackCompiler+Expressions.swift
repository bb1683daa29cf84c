import RuleDiagnostics
import RuleEngine
import RuleSyntax

extension PackCompiler {
  func describe(_ type: ValueType) -> String {
    switch type {
    case .boolean: "boolean"
    case .integer: "integer"
    case .number: "number"
    case .enumeration(let e): "enum '\(enums[e].owner)'"
    case .set(let e): "set '\(enums[e].owner)'"
    case .string: "string"
    case .date: "date"
    case .list(let r): "list '\(records[r].owner)'"
    case .record(let r): "record of '\(records[r].owner)'"
    }
  }

  /// "an integer", "a date", "an enum 'mood'": the description with its indefinite article.
  func withArticle(_ type: ValueType) -> String {
    let text = describe(type)
    return (text.first.map { "aeiou".contains($0) } ?? false ? "an " : "a ") + text
  }

  static func isNumeric(_ type: ValueType) -> Bool { type == .integer || type == .number }

  var nameCandidates: [String] {
    findings.map(\.name) + constantOrder + scope.visible.map(\.name)
  }

  /// Compiles a condition: a node of boolean type.
  mutating func compileBool(_ e: Expression, _ c: ConditionText) -> Node? {
    guard let node = compileNode(e, c) else { return nil }
    guard node.type == .boolean else {
      diagnostics.append(
        CheckCatalogue.typeMismatch(
          "'\(c.source(of: e))' is \(withArticle(node.type)), not a condition", at: e.location,
          hint:
            "compare it with something, as in '\(c.source(of: e)) >= 10' or 'known(\(c.source(of: e)))'"
        ))
      return nil
    }
    return node
  }

  /// Compiles an expression where a bare word cannot be an enum literal (no enum on the other side).
  mutating func compileNode(_ e: Expression, _ c: ConditionText) -> Node? {
    guard let typed = compileTyped(e, c) else { return nil }
    switch typed {
    case .node(let node): return node
    case .word(let word, let location, _):
      diagnostics.append(
        CheckCatalogue.unknownName(
          word, candidates: nameCandidates, constants: Set(constantOrder), at: location))
      return nil
    }
  }

  mutating func compileNumeric(_ e: Expression, _ c: ConditionText) -> Node? {
    guard let node = compileNode(e, c) else { return nil }
    guard Self.isNumeric(node.type) else {
      diagnostics.append(
        CheckCatalogue.typeMismatch(
          "'\(c.source(of: e))' is \(withArticle(node.type)), not a number", at: e.location))
      return nil
    }
    return node
  }

  /// Resolves a bare word or a node against an expected type (enum literals need one).
  mutating func coerce(_ typed: Typed, to type: ValueType, _ e: Expression, _ c: ConditionText)
    -> Node?
  {
    switch typed {
    case .node(let node):
      if case .finding(let slot) = node.kind, case .enumeration(let id) = type,
        let index = enums[id].values.firstIndex(of: findings[slot].name)
      {
        return Node(
          .constant(.enumValue(index)), type: type, text: node.text, location: node.location)
      }
      return node
    case .word(let word, let location, let text):
      switch type {
      case .enumeration(let id), .set(let id):
        guard let index = enums[id].values.firstIndex(of: word) else {
          let isName =
            Suggest.closest(to: word, in: nameCandidates) != nil
            && Suggest.closest(to: word, in: enums[id].values) == nil
          if isName {
            diagnostics.append(
              CheckCatalogue.unknownName(
                word, candidates: nameCandidates, constants: Set(constantOrder), at: location))
          } else {
            diagnostics.append(
              CheckCatalogue.unknownEnumValue(
                word, of: enums[id].owner, candidates: enums[id].values, at: location))
          }
          return nil
        }
        return Node(
          .constant(.enumValue(index)), type: .enumeration(id), text: text, location: location)
      default:
        diagnostics.append(
          CheckCatalogue.unknownName(
            word, candidates: nameCandidates, constants: Set(constantOrder), at: location))
        return nil
      }
    }
  }

  mutating func compileTyped(_ e: Expression, _ c: ConditionText) -> Typed? {
    // The node's text is copied out of the condition only for the nodes made here (a path, a
    // comparison, ... makes its own).
    func make(_ kind: Node.Kind, _ type: ValueType) -> Typed {
      .node(Node(kind, type: type, text: c.source(of: e), location: e.location))
    }
    switch e.kind {
    case .number(let n): return make(.constant(.number(n)), .number)
    case .string(let s): return make(.constant(.string(s)), .string)
    case .boolean(let b): return make(.constant(.boolean(b)), .boolean)
    case .path(let parts): return resolvePath(parts, e, c)
    case .list:
      diagnostics.append(
        CheckCatalogue.typeMismatch(
          "a list is only allowed after 'in' or 'has'", at: e.location,
          hint: "write 'x in [a, b]' or 'set has any [a, b]'"))
      return nil
    case .known(let inner, let wantKnown):
      guard let node = compileNode(inner, c) else { return nil }
      switch node.kind {
      case .finding, .field: break
      default:
        diagnostics.append(
          CheckCatalogue.typeMismatch(
            "known() and unknown() take a finding or a field", at: inner.location))
        return nil
      }
      return make(.known(node, wantKnown), .boolean)
    case .quantifier(let quantifier, let variable, let listExpr, let body):
      guard let (list, local) = bindVariable(variable, over: listExpr, c, by: "quantifiers") else {
        return nil
      }
      defer { scope.visible.removeLast() }
      var bodyNode: Node?
      if let body {
        guard let node = compileBool(body, c) else { return nil }
        bodyNode = node
      }
      let q = Node.Quantifier(rawValue: quantifier.rawValue) ?? .some
      return make(
        .quantifier(q, local: local, list: list, body: bodyNode), q == .count ? .number : .boolean)
    case .aggregate(let aggregate, let valueExpr, let variable, let listExpr, let filter):
      return compileAggregate(aggregate, valueExpr, variable, listExpr, filter, e, c)
    case .dateDifference(let unit, let fromExpr, let toExpr):
      let from = compileNode(fromExpr, c)
      let to = compileNode(toExpr, c)
      guard let from, let to else { return nil }
      for (node, expr) in [(from, fromExpr), (to, toExpr)] where node.type != .date {
        diagnostics.append(
          CheckCatalogue.typeMismatch(
            "\(unit.rawValue)_between takes two dates; '\(c.source(of: expr))' is \(withArticle(node.type))",
            at: expr.location))
        return nil
      }
      // The later date minus the earlier, in days, then in weeks (7 days) or months (30.4375
      // days, a Julian year's twelfth).
      let days = Node(
        .arithmetic(.subtract, to, from), type: .number, text: c.source(of: e),
        location: e.location)
      switch unit {
      case .days: return .node(days)
      case .weeks, .months:
        let divisor = unit == .weeks ? 7 : 30.4375
        let constant = Node(
          .constant(.number(divisor)), type: .number, text: NumberText.format(divisor),
          location: e.location)
        return make(.arithmetic(.divide, days, constant), .number)
      }
    case .not(let inner):
      guard let node = compileBool(inner, c) else { return nil }
      return make(.not(node), .boolean)
    case .negate(let inner):
      guard let node = compileNumeric(inner, c) else { return nil }
      return make(.negate(node), node.type)
    case .binary(let op, let lhs, let rhs):
      switch op {
      case .and, .or:
        let a = compileBool(lhs, c)
        let b = compileBool(rhs, c)
        guard let a, let b else { return nil }
        func flatten(_ n: Node) -> [Node] {
          switch (op, n.kind) {
          case (.and, .and(let items)), (.or, .or(let items)): items
          default: [n]
          }
        }
        let items = flatten(a) + flatten(b)
        return make(op == .and ? .and(items) : .or(items), .boolean)
      case .add, .subtract, .multiply, .divide:
        let a = compileNumeric(lhs, c)
        let b = compileNumeric(rhs, c)
        guard let a, let b else { return nil }
        let arithmetic = Node.Arithmetic(rawValue: op.rawValue) ?? .add
        let type: ValueType =
          a.type == .integer && b.type == .integer && op != .divide ? .integer : .number
        if op == .divide, case .constant(.number(0)) = b.kind {
          diagnostics.append(CheckCatalogue.typeMismatch("division by zero", at: rhs.location))
          return nil
        }
        return make(.arithmetic(arithmetic, a, b), type)
      default:
        let comparison = Node.Comparison(rawValue: op.rawValue) ?? .equal
        return compileComparison(comparison, lhs, rhs, e, c).map { .node($0) }
      }
    case .is(let lhs, let rhs, let negated):
      return compileComparison(negated ? .notEqual : .equal, lhs, rhs, e, c).map { .node($0) }
    case .between(let x, let low, let high, let negated):
      guard let subject = compileNode(x, c) else { return nil }
      guard Self.isNumeric(subject.type) || subject.type == .date || isEnum(subject.type) else {
        diagnostics.append(
          CheckCatalogue.typeMismatch(
            "'between' needs a number, a date or an enum; '\(c.source(of: x))' is \(withArticle(subject.type))",
            at: x.location))
        return nil
      }
      let lowTyped = compileTyped(low, c)
      let highTyped = compileTyped(high, c)
      guard let lowTyped, let highTyped,
        let lowNode = coerce(lowTyped, to: subject.type, low, c),
        let highNode = coerce(highTyped, to: subject.type, high, c),
        checkComparable(subject, lowNode, ordered: true, at: low.location, c: c, lhs: x, rhs: low),
        checkComparable(
          subject, highNode, ordered: true, at: high.location, c: c, lhs: x, rhs: high)
      else { return nil }
      guard literalInRange(subject, lowNode), literalInRange(subject, highNode) else { return nil }
      if let range = range(of: subject), case .constant(.number(let lo)) = lowNode.kind,
        case .constant(.number(let hi)) = highNode.kind, !negated,
        hi < range.lowerBound || lo > range.upperBound || lo > hi
      {
        diagnostics.append(
          CheckCatalogue.neverTrue(
            c.source(of: e),
            why:
              "'\(subject.text)' lies in [\(NumberText.format(range.lowerBound)), \(NumberText.format(range.upperBound))]",
            at: e.location))
      }
      return make(.between(subject, lowNode, highNode, negated: negated), .boolean)
    case .in(let x, let listExpr, let negated):
      guard let subject = compileNode(x, c), case .list(let items) = listExpr.kind else {
        return nil
      }
      var values: [Value] = []
      for item in items {
        guard let typed = compileTyped(item, c), let node = coerce(typed, to: subject.type, item, c)
        else {
          continue
        }
        guard case .constant(let value) = node.kind else {
          diagnostics.append(
            CheckCatalogue.typeMismatch(
              "list items after 'in' must be values or constants, not '\(node.text)'",
              at: item.location))
          continue
        }
        guard
          checkComparable(
            subject, node, ordered: false, at: item.location, c: c, lhs: x, rhs: item),
          literalInRange(subject, node)
        else { continue }
        values.append(value)
      }
      guard values.count == items.count else { return nil }
      return make(.member(subject, values, negated: negated), .boolean)
    case .has(let x, let mode, let rhs):
      guard let subject = compileNode(x, c) else { return nil }
      guard case .set(let id) = subject.type else {
        diagnostics.append(
          CheckCatalogue.typeMismatch(
            "'has' needs a set; '\(c.source(of: x))' is \(withArticle(subject.type))",
            at: x.location,
            hint: isEnum(subject.type)
              ? "for an enum, write '\(c.source(of: x)) is VALUE' or 'in [..]'" : nil))
        return nil
      }
      let itemExprs: [Expression]
      if case .list(let items) = rhs.kind { itemExprs = items } else { itemExprs = [rhs] }
      var set = EnumSet()
      var ok = true
      for item in itemExprs {
        let word: (String, SourceLocation)?
        if let parts = item.path, parts.count == 1 {
          word = (parts[0], item.location)
        } else {
          word = nil
        }
        guard let (name, location) = word else {
          diagnostics.append(
            CheckCatalogue.typeMismatch(
              "'has' takes values of '\(enums[id].owner)'", at: item.location))
          ok = false
          continue
        }
        guard let index = enums[id].values.firstIndex(of: name) else {
          diagnostics.append(
            CheckCatalogue.unknownEnumValue(
              name, of: enums[id].owner, candidates: enums[id].values, at: location))
          ok = false
          continue
        }
        set.insert(index)
      }
      guard ok else { return nil }
      return make(.has(subject, mode == .any ? .any : .all, set), .boolean)
    case .picked(let outputExpr, let value):
      guard let parts = outputExpr.path, parts.count == 1 else {
        diagnostics.append(
          CheckCatalogue.typeMismatch(
            "'picked' follows an output name, as in 'focus picked grief'", at: outputExpr.location))
        return nil
      }
      guard
        let ref = resolveOutputValue(
          OutputReference(output: Located(parts[0], at: outputExpr.location), value: value))
      else { return nil }
      readsOutputs.insert(ref.output)
      return make(.picked(output: ref.output, value: ref.value), .boolean)
    }
  }

  /// Binds a quantifier's or an aggregate's variable to the records of a list finding: a new local
  /// in scope (the caller removes it from `scope.visible` when its body is compiled).
  mutating func bindVariable(
    _ variable: Located<String>, over listExpr: Expression, _ c: ConditionText, by what: String
  ) -> (list: Node, local: Int)? {
    guard let list = compileNode(listExpr, c) else { return nil }
    guard case .list(let record) = list.type, case .finding(let listSlot) = list.kind else {
      diagnostics.append(
        CheckCatalogue.typeMismatch(
          "'\(c.source(of: listExpr))' is \(withArticle(list.type)), not a list of records",
          at: listExpr.location, hint: "\(what) range over findings of type list"))
      return nil
    }
    if findingSlots[variable.value] != nil || constants[variable.value] != nil {
      diagnostics.append(
        CheckCatalogue.typeMismatch(
          "the variable '\(variable.value)' hides a finding or constant of the same name",
          at: variable.location, hint: "choose another variable name"))
      return nil
    }
    let local = localCount
    localCount += 1
    scope.visible.append((variable.value, local, record))
    scope.all.append((variable.value, local, record, listSlot))
    return (list, local)
  }

  /// `min(VALUE for x in LIST where FILTER)`: the variable is bound in the value and the filter.
  mutating func compileAggregate(
    _ aggregate: Expression.Aggregate, _ valueExpr: Expression, _ variable: Located<String>,
    _ listExpr: Expression, _ filter: Expression?, _ e: Expression, _ c: ConditionText
  ) -> Typed? {
    guard let (list, local) = bindVariable(variable, over: listExpr, c, by: "aggregates") else {
      return nil
    }
    defer { scope.visible.removeLast() }
    guard let value = compileNode(valueExpr, c) else { return nil }
    let ordered = Self.isNumeric(value.type) || value.type == .date
    let numeric = Self.isNumeric(value.type)
    let needsNumber = aggregate == .sum || aggregate == .average
    guard needsNumber ? numeric : ordered else {
      diagnostics.append(
        CheckCatalogue.typeMismatch(
          "\(aggregate.rawValue)() takes \(needsNumber ? "a number" : "a number or a date"); '\(c.source(of: valueExpr))' is \(withArticle(value.type))",
          at: valueExpr.location))
      return nil
    }
    var filterNode: Node?
    if let filter {
      guard let node = compileBool(filter, c) else { return nil }
      filterNode = node
    }
    let type: ValueType = aggregate == .average ? .number : value.type
    let kind = Node.Aggregate(rawValue: aggregate.rawValue) ?? .min
    return .node(
      Node(
        .aggregate(
          kind, local: local, list: list, value: value, filter: filterNode,
          range: range(of: value)),
        type: type, text: c.source(of: e), location: e.location))
  }

  func isEnum(_ type: ValueType) -> Bool {
    if case .enumeration = type { return true }
    return false
  }

  func range(of node: Node) -> ClosedRange<Double>? {
    switch node.kind {
    case .finding(let slot): return findings[slot].range
    case .field(let local, let field):
      guard let record = scope.all.first(where: { $0.local == local })?.record else { return nil }
      return records[record].fields[field].range
    case .aggregate(let kind, _, _, _, _, let range): return kind == .sum ? nil : range
    default: return nil
    }
  }

  mutating func resolvePath(_ parts: [String], _ e: Expression, _ c: ConditionText) -> Typed? {
    let text = c.source(of: e)
    let head = parts[0]
    if let (local, record) = scope.lookup(head) {
      if parts.count == 1 {
        return .node(Node(.local(local), type: .record(record), text: text, location: e.location))
      }
      guard parts.count == 2 else {
        diagnostics.append(
          CheckCatalogue.typeMismatch("'\(text)': fields have no fields", at: e.location))
        return nil
      }
      guard let field = records[record].fields.firstIndex(where: { $0.name == parts[1] }) else {
        diagnostics.append(
          CheckCatalogue.unknownField(
            parts[1], of: head, candidates: records[record].fields.map(\.name),
            at: e.location.advanced(by: head.count + 1)))
        return nil
      }
      return .node(
        Node(
          .field(local: local, field: field), type: records[record].fields[field].type, text: text,
          location: e.location))
    }
    if let slot = findingSlots[head] {
      guard parts.count == 1 else {
        diagnostics.append(
          CheckCatalogue.typeMismatch(
            "'\(head)' is a finding, not a quantifier variable: it has no fields", at: e.location,
            hint: "bind a variable first: 'some x in \(head) where x.\(parts[1]) ...'"))
        return nil
      }
      readsFindings.insert(slot)
      return .node(
        Node(.finding(slot), type: findings[slot].type, text: text, location: e.location))
    }
    if let constant = constants[head], parts.count == 1 {
      usedConstants.insert(head)
      return .node(
        Node(.constant(constant.value), type: constant.type, text: text, location: e.location))
    }
    if parts.count == 1 {
      return .word(head, e.location, text: text)
    }
    diagnostics.append(
      CheckCatalogue.unknownName(
        head, candidates: nameCandidates, constants: Set(constantOrder), at: e.location))
    return nil
  }

  /// Checks that two nodes can be compared; `ordered` for < <= > >= and between.
  mutating func checkComparable(
    _ a: Node, _ b: Node, ordered: Bool, at location: SourceLocation, c: ConditionText,
    lhs: Expression, rhs: Expression
  ) -> Bool {
    let compatible: Bool
    switch (a.type, b.type) {
    case (.integer, .integer), (.integer, .number), (.number, .integer), (.number, .number):
      compatible = true
    case (.enumeration(let x), .enumeration(let y)): compatible = x == y
    case (.date, .date), (.string, .string): compatible = true
    case (.boolean, .boolean): compatible = !ordered
    case (.set(let x), .set(let y)): compatible = x == y && !ordered
    default: compatible = false
    }
    if !compatible {
      if a.type == b.type {
        diagnostics.append(
          CheckCatalogue.typeMismatch(
            "\(withArticle(a.type)) has no order: '\(c.source(of: lhs))' cannot be compared with '<' or '>'",
            at: location, hint: "use '==', '!=' or 'is'"))
      } else {
        diagnostics.append(
          CheckCatalogue.typeMismatch(
            "cannot compare '\(c.source(of: lhs))' (\(describe(a.type))) with '\(c.source(of: rhs))' (\(describe(b.type)))",
            at: location))
      }
    }
    return compatible
  }

  mutating func compileComparison(
    _ op: Node.Comparison, _ lhs: Expression, _ rhs: Expression, _ e: Expression, _ c: ConditionText
  ) -> Node? {
    let ta = compileTyped(lhs, c)
    let tb = compileTyped(rhs, c)
    guard let ta, let tb else {
      // Still report a misspelt name on the side that did compile, unless it is a value of some
      // enum: then it is most likely a good literal whose other side failed.
      for case .word(let w, let loc, _) in [ta, tb].compactMap({ $0 })
      where !enums.contains(where: { $0.values.contains(w) }) {
        diagnostics.append(
          CheckCatalogue.unknownName(
            w, candidates: nameCandidates, constants: Set(constantOrder), at: loc))
      }
      return nil
    }
    var a: Node?
    var b: Node?
    switch (ta, tb) {
    case (.word(let w, let loc, _), .word):
      diagnostics.append(
        CheckCatalogue.unknownName(
          w, candidates: nameCandidates, constants: Set(constantOrder), at: loc))
      return nil
    case (.word, .node(let nb)):
      b = nb
      a = coerce(ta, to: nb.type, lhs, c)
    case (.node(let na), .word):
      a = na
      b = coerce(tb, to: na.type, rhs, c)
    case (.node(let na), .node(let nb)):
      a = coerce(ta, to: nb.type, lhs, c)
      b = coerce(tb, to: na.type, rhs, c)
    }
    guard let a, let b else { return nil }
    let ordered = op != .equal && op != .notEqual
    guard checkComparable(a, b, ordered: ordered, at: e.location, c: c, lhs: lhs, rhs: rhs) else {
      return nil
    }
    let text = c.source(of: e)
    checkNeverTrue(op, a, b, text: text, at: e.location)
    return Node(.compare(op, a, b), type: .boolean, text: text, location: e.location)
  }

  mutating func checkNeverTrue(
    _ op: Node.Comparison, _ a: Node, _ b: Node, text: String, at location: SourceLocation
  ) {
    var subject = a
    var bound = b
    var op = op
    if case .constant = a.kind {
      subject = b
      bound = a
      switch op {
      case .less: op = .greater
      case .lessEqual: op = .greaterEqual
      case .greater: op = .less
      case .greaterEqual: op = .lessEqual
      default: break
      }
    }
    guard let range = range(of: subject), case .constant(.number(let n)) = bound.kind else {
      return
    }
    guard literalInRange(subject, bound) else { return }
    let possible: Bool
    switch op {
    case .equal: possible = range.contains(n)
    case .notEqual: possible = !(range.lowerBound == n && range.upperBound == n)
    case .less: possible = range.lowerBound < n
    case .lessEqual: possible = range.lowerBound <= n
    case .greater: possible = range.upperBound > n
    case .greaterEqual: possible = range.upperBound >= n
    }
    if !possible {
      diagnostics.append(
        CheckCatalogue.neverTrue(
          text,
          why:
            "'\(subject.text)' lies in [\(NumberText.format(range.lowerBound)), \(NumberText.format(range.upperBound))]",
          at: location))
    }
  }

  /// Reports a number literal compared with a ranged finding or field but outside its range:
  /// the condition is then a typo or a misunderstanding of the scale.
  mutating func literalInRange(_ subject: Node, _ literal: Node) -> Bool {
    guard let range = range(of: subject), case .constant(.number(let n)) = literal.kind,
      !range.contains(n)
    else {
      return true
    }
    diagnostics.append(
      CheckCatalogue.outOfRange(
        NumberText.format(n), of: subject.text, range: range, at: literal.location))
    return false
  }
}
