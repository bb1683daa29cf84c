public import RuleDiagnostics

/// The pack manifest (`pack.yaml`).
public struct ManifestSyntax: Sendable {
  public var pack: Located<String>
  public var version: Located<String>
  public var title: Located<String>?
  public var description: String?
  public var authors: [String]
  /// Citation keys and their full text, in file order.
  public var references: [(key: Located<String>, text: String)]
  /// Paths of packs this one builds on, relative to this pack's folder.
  public var extends: [Located<String>]
  public var location: SourceLocation
}

/// The type of a finding or of a record field.
public struct TypeSyntax: Sendable {
  /// The kinds of value the language knows.
  public enum Kind: String, Sendable, CaseIterable {
    case boolean, integer, number, `enum`, set, string, date, list
  }

  public var kind: Located<Kind>
  /// Enum or set values, in declared order.
  public var values: [Located<String>]
  /// Inclusive range for integer and number.
  public var range: (low: Located<Double>, high: Located<Double>)?
  public var unit: String?
  /// Record fields, for lists.
  public var fields: [FieldSyntax]
}

/// A field of a record type.
public struct FieldSyntax: Sendable {
  public var name: Located<String>
  public var type: TypeSyntax
  public var description: String?
  public var ask: String?
}

/// A finding of the vocabulary.
public struct FindingSyntax: Sendable {
  public var name: Located<String>
  public var type: TypeSyntax
  public var description: Located<String>?
  public var ask: Located<String>?
  public var derived: Bool
}

/// One value an output can take.
public struct OutputValueSyntax: Sendable {
  public var name: Located<String>
  public var label: String?
  public var description: String?
  public var cite: [Located<String>]
}

/// An output kind (focus, technique, variant, ...).
public struct OutputSyntax: Sendable {
  public var name: Located<String>
  public var title: Located<String>?
  public var max: Located<Int>?
  public var minWeight: Located<Double>?
  public var values: [OutputValueSyntax]
}

/// A declared alert.
public struct AlertSyntax: Sendable {
  public var name: Located<String>
  public var severity: Located<String>
  public var label: Located<String>?
  public var description: String?
  public var cite: [Located<String>]
}

/// A named constant.
public struct ConstantSyntax: Sendable {
  /// What a constant may hold.
  public enum Value: Sendable, Hashable {
    case number(Double)
    case boolean(Bool)
  }

  public var name: Located<String>
  public var value: Located<Value>
}

/// A rule condition as written: an expression, or `all:` / `any:` / `not:` nesting.
public indirect enum ConditionSyntax: Sendable {
  case expression(ConditionText)
  case all([ConditionSyntax], SourceLocation)
  case any([ConditionSyntax], SourceLocation)
  case not(ConditionSyntax, SourceLocation)
}

/// `output: value` in an action or an expectation.
public struct OutputReference: Sendable {
  public var output: Located<String>
  public var value: Located<String>

  public init(output: Located<String>, value: Located<String>) {
    self.output = output
    self.value = value
  }
}

/// A `because`/`teach` text split into text and `{placeholder}`s, each placeholder located at
/// its name inside the YAML scalar.
public struct TemplateSyntax: Sendable {
  /// A piece of a template.
  public enum Piece: Sendable {
    case text(String)
    case placeholder(Located<String>)
  }

  public var source: Located<String>
  public var pieces: [Piece]
}

/// The lifecycle status of a rule.
public enum RuleStatus: String, Sendable, CaseIterable, Codable {
  case draft, reviewed, retired
}

/// One rule as written.
public struct RuleSyntax: Sendable {
  public var id: Located<String>
  public var title: Located<String>?
  /// The `when:` conditions; all must hold.
  public var when: [ConditionSyntax]
  public var suggest: [OutputReference]
  public var weight: Located<Double>?
  public var derive: [Located<String>]
  public var alerts: [Located<String>]
  public var exclude: [OutputReference]
  public var because: TemplateSyntax?
  public var teach: TemplateSyntax?
  public var cite: [Located<String>]
  public var status: Located<RuleStatus>?
  public var author: String?
  public var location: SourceLocation
  /// Where `then:` is.
  public var thenLocation: SourceLocation
}

/// A whole pack as loaded, before checking.
public struct PackSyntax: Sendable {
  public var directory: String
  public var manifest: ManifestSyntax?
  public var findings: [FindingSyntax] = []
  public var outputs: [OutputSyntax] = []
  public var alerts: [AlertSyntax] = []
  public var constants: [ConstantSyntax] = []
  public var rules: [RuleSyntax] = []
  /// Every file of the pack, by path, for printing diagnostics.
  public var files: [SourceFile] = []

  public init(directory: String) { self.directory = directory }
}

/// A data value from a case or an inline test: the untyped YAML shape with locations.
public struct DataNode: Sendable {
  /// The shape.
  public indirect enum Kind: Sendable {
    case null
    /// A scalar; `quoted` is true for quoted strings, which never read as numbers or booleans.
    case scalar(String, quoted: Bool)
    case list([DataNode])
    case record([(key: Located<String>, value: DataNode)])
  }

  public var kind: Kind
  public var location: SourceLocation
}

/// A case file.
public struct CaseSyntax: Sendable {
  public var id: Located<String>
  public var date: String?
  public var assessor: String?
  public var findings: [(name: Located<String>, value: DataNode)]
  public var notes: String?
  public var file: SourceFile
}

/// A trainee's formulation of a case.
public struct FormulationSyntax: Sendable {
  public var caseID: Located<String>
  public var by: Located<String>
  /// Output name and the values the trainee chose, in file order.
  public var picks: [(output: Located<String>, values: [Located<String>])]
  public var alerts: [Located<String>]
  public var rationale: String?
  public var file: SourceFile
}

/// One pack test.
public struct TestSyntax: Sendable {
  public var name: Located<String>
  /// A case file path, relative to the test file.
  public var casePath: Located<String>?
  /// Inline findings.
  public var findings: [(name: Located<String>, value: DataNode)]?
  public var picked: [OutputReference]
  public var notPicked: [OutputReference]
  public var onlyPicked: [(output: Located<String>, values: [Located<String>])]
  public var alerts: [Located<String>]
  public var noAlerts: [Located<String>]
  public var fired: [Located<String>]
  public var notFired: [Located<String>]
  public var derived: [(finding: Located<String>, truth: Located<String>)]
  /// Whether the suggestions must be deferred pending safety (a critical alert fired).
  public var deferred: Located<Bool>?
  public var location: SourceLocation
  public var file: SourceFile
}
