import RuleDiagnostics
import RuleEngine
import RuleSyntax

extension PackCompiler {
  mutating func compileTemplate(_ syntax: TemplateSyntax) -> Template? {
    compilePieces(syntax.pieces).map { Template(source: syntax.source.value, pieces: $0) }
  }

  mutating func compilePieces(_ syntax: [TemplateSyntax.Piece]) -> [Template.Piece]? {
    var pieces: [Template.Piece] = []
    var ok = true
    for piece in syntax {
      switch piece {
      case .text(let text): pieces.append(.text(text))
      case .placeholder(let name):
        if let resolved = placeholder(name.value, at: name.location) {
          pieces.append(resolved)
        } else {
          ok = false
        }
      case .optional(let inner):
        if let resolved = compilePieces(inner) {
          pieces.append(.optional(resolved))
        } else {
          ok = false
        }
      }
    }
    return ok ? pieces : nil
  }

  mutating func placeholder(_ name: String, at location: SourceLocation) -> Template.Piece? {
    let parts = name.split(separator: ".").map(String.init)
    if let head = parts.first, let variable = scope.all.first(where: { $0.name == head }) {
      if parts.count == 1 {
        return .variable(
          local: variable.local, field: nil, type: .record(variable.record), name: name)
      }
      if parts.count == 2,
        let field = records[variable.record].fields.firstIndex(where: { $0.name == parts[1] })
      {
        return .variable(
          local: variable.local, field: field, type: records[variable.record].fields[field].type,
          name: name)
      }
    }
    if parts.count == 1, let slot = findingSlots[name] {
      return .finding(slot, name: name)
    }
    if parts.count == 1, let constant = constants[name] {
      usedConstants.insert(name)
      return .constant(constant.value, type: constant.type, name: name)
    }
    var candidates = findings.map(\.name) + constantOrder
    for variable in scope.all {
      candidates.append(variable.name)
      candidates += records[variable.record].fields.map { "\(variable.name).\($0.name)" }
    }
    diagnostics.append(
      CheckCatalogue.unknownPlaceholder(name, candidates: candidates, at: location))
    return nil
  }
}
