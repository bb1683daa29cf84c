import RuleDiagnostics

/// A case, resolved against a program: one value per finding slot (unknown where not given).
public struct CaseFacts: Sendable {
  /// The case id.
  public var caseID: String
  /// The case file, as given.
  public var file: String
  /// SHA-256 of the case file's bytes, hex.
  public var sha256: String
  /// One value per finding slot (unknown where the case does not give it).
  public var values: [Value]
  /// Where each value is written in the case file.
  public var origins: [FactOrigin?]

  /// Creates the facts of a case.
  package init(
    caseID: String, file: String, sha256: String, values: [Value], origins: [FactOrigin?]
  ) {
    self.caseID = caseID
    self.file = file
    self.sha256 = sha256
    self.values = values
    self.origins = origins
  }
}
