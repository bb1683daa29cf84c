import RuleDiagnostics

/// A case, resolved against a program: one value per finding slot (unknown where not given).
public struct CaseFacts: Sendable {
  public var caseID: String
  public var file: String
  /// SHA-256 of the case file's bytes, hex.
  public var sha256: String
  public var values: [Value]
  public var origins: [FactOrigin?]

  public init(caseID: String, file: String, sha256: String, values: [Value], origins: [FactOrigin?]) {
    self.caseID = caseID
    self.file = file
    self.sha256 = sha256
    self.values = values
    self.origins = origins
  }
}
