/// A FHIR R4 `QuestionnaireResponse` for the PHQ-9 (LOINC 44249-1) read into the pack's PHQ-9
/// findings: `phq9` (the total, 0-27) and `phq9_item9` (thoughts of death or self-harm, 0-3).
///
/// Items are found by their LOINC code, in the item's `code` list or in its `linkId` (`44260-8`,
/// `/44260-8`), at any depth. An answer is read from `valueInteger`, `valueDecimal`, the ordinal
/// extension of a `valueCoding`, or the coding's LOINC answer code (LA6568-5 "not at all" = 0 to
/// LA6571-9 "nearly every day" = 3). The total is the total item (44261-6) when present, else the
/// sum of the nine items when all nine are answered; otherwise it stays unknown.
struct PHQ9Response: Sendable, Equatable {
  /// The LOINC code of the PHQ-9 panel.
  static let panel = "44249-1"
  /// The LOINC codes of items 1 to 9, in order.
  static let items = [
    "44250-9", "44255-8", "44259-0", "44254-1", "44251-7", "44258-2", "44252-5", "44253-3",
    "44260-8",
  ]
  /// The LOINC code of the total score.
  static let total = "44261-6"
  /// LOINC answer codes of the four frequencies and their scores.
  static let answers = ["LA6568-5": 0, "LA6569-3": 1, "LA6570-1": 2, "LA6571-9": 3]
  /// FHIR extensions that carry an answer's score.
  static let ordinalExtensions = [
    "http://hl7.org/fhir/StructureDefinition/ordinalValue",
    "http://hl7.org/fhir/StructureDefinition/itemWeight",
  ]

  /// The id of the resource, if it has one.
  var id: String?
  /// The total score, when it can be known.
  var total: Int?
  /// Item 9, when answered.
  var item9: Int?

  /// Reads a `QuestionnaireResponse`, or a search `Bundle` holding one; nil when the value is
  /// neither or does not look like a PHQ-9.
  init?(_ value: JSONValue) {
    if value["resourceType"]?.string == "Bundle" {
      guard
        let resource = value["entry"]?.elements.lazy.compactMap({ $0["resource"] }).first(where: {
          $0["resourceType"]?.string == "QuestionnaireResponse"
        })
      else { return nil }
      self.init(response: resource)
    } else {
      self.init(response: value)
    }
  }

  /// Reads a `QuestionnaireResponse` itself.
  private init?(response value: JSONValue) {
    guard value["resourceType"]?.string == "QuestionnaireResponse" else { return nil }
    var scores: [String: Int] = [:]
    Self.collect(value["item"]?.elements ?? [], into: &scores)
    let isPHQ9 =
      value["questionnaire"]?.string?.contains(Self.panel) == true
      || !Set(scores.keys).isDisjoint(with: Self.items + [Self.total])
    guard isPHQ9 else { return nil }
    id = value["id"]?.string
    item9 = scores[Self.items[8]].map { min(max($0, 0), 3) }
    if let total = scores[Self.total] {
      self.total = total
    } else {
      let answered = Self.items.compactMap { scores[$0] }
      total = answered.count == Self.items.count ? answered.reduce(0, +) : nil
    }
  }

  /// The scores of every PHQ-9 item found in `items` and their children, by LOINC code.
  static func collect(_ items: [JSONValue], into scores: inout [String: Int]) {
    for item in items {
      if let code = code(of: item),
        let score = item["answer"]?.elements.lazy.compactMap(score)
          .first
      {
        scores[code] = score
      }
      collect(item["item"]?.elements ?? [], into: &scores)
      for answer in item["answer"]?.elements ?? [] {
        collect(answer["item"]?.elements ?? [], into: &scores)
      }
    }
  }

  /// The PHQ-9 LOINC code of an item: from its `code` list, else from its `linkId`.
  static func code(of item: JSONValue) -> String? {
    let known = Set(items + [total])
    for coding in item["code"]?.elements ?? [] {
      if let code = coding["code"]?.string, known.contains(code) { return code }
    }
    guard var link = item["linkId"]?.string else { return nil }
    if link.hasPrefix("/") { link.removeFirst() }
    return known.contains(link) ? link : nil
  }

  /// The score of one answer.
  static func score(_ answer: JSONValue) -> Int? {
    if let value = answer["valueInteger"]?.number ?? answer["valueDecimal"]?.number {
      return Int(exactly: value)
    }
    guard let coding = answer["valueCoding"] else { return nil }
    for ext in coding["extension"]?.elements ?? []
    where ordinalExtensions.contains(ext["url"]?.string ?? "") {
      if let value = ext["valueDecimal"]?.number ?? ext["valueInteger"]?.number {
        return Int(value.rounded())
      }
    }
    return coding["code"]?.string.flatMap { answers[$0] }
  }

  /// A case file in the product's format (JSON), holding the findings this response gives.
  func caseText(id fallback: String) -> String {
    var findings: [String: JSONValue] = [:]
    if let total { findings["phq9"] = .number(Double(min(max(total, 0), 27))) }
    if let item9 { findings["phq9_item9"] = .number(Double(item9)) }
    let caseID = Self.safeID(id ?? fallback)
    return RequestInput.encoded(
      .object(["case": .string(caseID), "findings": .object(findings)]))
  }

  /// An id of letters, digits, `-`, `_` and `.` only (at most 64 characters).
  static func safeID(_ text: String) -> String {
    let kept = String(
      text.prefix(64).map {
        $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) ? $0 : "-"
      })
    return kept.isEmpty ? "cds-hooks" : "phq9-" + kept
  }
}
