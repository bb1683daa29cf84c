/// Every diagnostic code, stable and kebab-case in output; each is documented in
/// `docs/diagnostics.md`, and a test checks that every case is.
public enum DiagnosticCode: String, Sendable, Hashable, Codable, CaseIterable, Comparable,
  CustomStringConvertible
{
  // Reading a file
  case yamlSyntax = "yaml-syntax"
  case notUtf8 = "not-utf8"
  case binaryFile = "binary-file"
  case emptyFile = "empty-file"
  case tooDeep = "too-deep"
  case tooLarge = "too-large"
  case duplicateKey = "duplicate-key"
  case fileUnreadable = "file-unreadable"
  case timedOut = "timed-out"
  case auditUnwritable = "audit-unwritable"
  // File shape
  case unknownKey = "unknown-key"
  case missingKey = "missing-key"
  case wrongShape = "wrong-shape"
  case invalidValue = "invalid-value"
  case undocumentedFinding = "undocumented-finding"
  case missingManifest = "missing-manifest"
  // Conditions and templates
  case expressionSyntax = "expression-syntax"
  case templateSyntax = "template-syntax"
  // Names
  case duplicateName = "duplicate-name"
  case unknownFinding = "unknown-finding"
  case unknownConstant = "unknown-constant"
  case unknownField = "unknown-field"
  case unknownEnumValue = "unknown-enum-value"
  case unknownOutput = "unknown-output"
  case unknownOutputValue = "unknown-output-value"
  case unknownAlert = "unknown-alert"
  case unknownCitation = "unknown-citation"
  case unknownPlaceholder = "unknown-placeholder"
  case unknownRule = "unknown-rule"
  // Types and values
  case typeMismatch = "type-mismatch"
  case neverTrue = "never-true"
  case valueOutOfRange = "value-out-of-range"
  case invalidDate = "invalid-date"
  case invalidInterval = "invalid-interval"
  case wrongSection = "wrong-section"
  case notIncreasing = "not-increasing"
  // Derived findings
  case derivedInCase = "derived-in-case"
  case notDerived = "not-derived"
  case neverDerived = "never-derived"
  // Rules
  case duplicateRuleId = "duplicate-rule-id"
  case dependencyCycle = "dependency-cycle"
  case missingRationale = "missing-rationale"
  case reviewDue = "review-due"
  case reviewerMissing = "reviewer-missing"
  case unreachableRule = "unreachable-rule"
  case redundantRule = "redundant-rule"
  case contradictoryRules = "contradictory-rules"
  case unreachableValue = "unreachable-value"
  case unsuggestedValue = "unsuggested-value"
  case unusedFinding = "unused-finding"
  case unusedDerived = "unused-derived"
  case unusedConstant = "unused-constant"
  case becauseUnread = "because-unread-finding"
  case noRules = "no-rules"
  // Packs on disk
  case extendsNotFound = "extends-not-found"
  case extendsCycle = "extends-cycle"
  // Pack tests
  case invalidTestCase = "invalid-test-case"
  // Formulations
  case formulationCaseMismatch = "formulation-case-mismatch"
  case duplicateFormulation = "duplicate-formulation"
  case duplicateValue = "duplicate-value"

  /// The kebab-case code, as printed.
  public var description: String { rawValue }

  /// Codes sort by their printed form.
  public static func < (lhs: DiagnosticCode, rhs: DiagnosticCode) -> Bool {
    lhs.rawValue < rhs.rawValue
  }
}
