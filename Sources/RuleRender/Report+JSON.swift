import RuleEngine

extension Report {
  /// The report's JSON (`ipt-advisor/evaluation/1`), pretty-printed or on one line: the bytes
  /// `JSONEncoder` gives with sorted keys, written directly. An explained report runs to hundreds
  /// of kilobytes, and encoding it through a value tree cost several times its evaluation; the
  /// equality is tested on every sample and validation case.
  public func json(pretty: Bool = true) -> String {
    var w = JSONStream(pretty: pretty, capacity: pretty ? 262_144 : 131_072)
    write(to: &w)
    return w.finish()
  }

  func write(to w: inout JSONStream) {
    var copies = RuleEntryCopies()
    w.beginObject()
    w.key("alerts")
    w.beginArray()
    for alert in alerts { alert.write(to: &w, copies: &copies) }
    w.endArray()
    w.key("ask_next")
    w.beginArray()
    for question in askNext { question.write(to: &w) }
    w.endArray()
    w.key("case")
    w.beginObject()
    w.member("file", self.case.file)
    w.member("id", self.case.id)
    w.member("sha256", self.case.sha256)
    w.endObject()
    if let course {
      w.key("course")
      w.beginArray()
      for list in course { list.write(to: &w) }
      w.endArray()
    }
    w.key("deferred_pending_safety")
    w.boolean(deferredPendingSafety)
    w.member("engine", engine)
    w.key("fired")
    w.strings(fired)
    w.key("outputs")
    w.beginArray()
    for output in outputs { output.write(to: &w, copies: &copies) }
    w.endArray()
    w.key("pack")
    pack.write(to: &w)
    w.key("possible_alerts")
    w.beginArray()
    for alert in possibleAlerts { alert.write(to: &w) }
    w.endArray()
    if let rules {
      w.key("rules")
      w.beginArray()
      for rule in rules { rule.write(to: &w, copies: &copies) }
      w.endArray()
    }
    w.member("schema", schema)
    w.member("statement", statement)
    w.key("undetermined")
    w.strings(undetermined)
    if let wouldFire {
      w.key("would_fire")
      w.strings(wouldFire)
    }
    w.endObject()
  }
}

extension Report.PackInfo {
  func write(to w: inout JSONStream) {
    w.beginObject()
    w.member("default_mode", defaultMode.rawValue)
    w.member("id", id)
    w.member("mode", mode.rawValue)
    w.member("sha256", sha256)
    if let skippedRules {
      w.key("skipped_rules")
      w.integer(skippedRules)
    }
    w.member("title", title)
    w.member("version", version)
    w.endObject()
  }
}

extension Report.AlertEntry {
  func write(to w: inout JSONStream, copies: inout RuleEntryCopies) {
    w.beginObject()
    w.member("description", description)
    w.member("id", id)
    w.member("label", label)
    w.key("raised_by")
    Report.RuleInfo.write(raisedBy, to: &w, copies: &copies)
    w.member("severity", severity.rawValue)
    w.endObject()
  }
}

extension Report.PossibleAlertEntry {
  func write(to w: inout JSONStream) {
    w.beginObject()
    w.member("id", id)
    w.member("label", label)
    w.key("missing")
    w.strings(missing)
    w.key("rules")
    w.strings(rules)
    w.member("severity", severity.rawValue)
    w.endObject()
  }
}

extension Report.QuestionEntry {
  func write(to w: inout JSONStream) {
    w.beginObject()
    w.member("ask", ask)
    w.key("could_change")
    w.strings(couldChange)
    w.key("could_raise")
    w.strings(couldRaise)
    w.key("decides_rules")
    w.strings(decidesRules)
    w.member("finding", finding)
    w.endObject()
  }
}

extension Report.OutputEntry {
  func write(to w: inout JSONStream, copies: inout RuleEntryCopies) {
    w.beginObject()
    w.key("competitions")
    w.beginArray()
    for competition in competitions { competition.write(to: &w, copies: &copies) }
    w.endArray()
    if let max {
      w.key("max")
      w.integer(max)
    }
    w.key("min_weight")
    w.number(minWeight)
    w.member("name", name)
    w.key("picked")
    w.strings(picked)
    w.member("title", title)
    w.key("values")
    w.beginArray()
    for value in values { value.write(to: &w, copies: &copies) }
    w.endArray()
    w.endObject()
  }
}

extension Report.CompetitionEntry {
  func write(to w: inout JSONStream, copies: inout RuleEntryCopies) {
    w.beginObject()
    w.key("flips")
    Report.RuleInfo.write(flips, to: &w, copies: &copies)
    w.key("gap")
    w.number(gap)
    w.key("needed")
    w.number(needed)
    w.member("picked", picked)
    w.member("rival", rival)
    w.endObject()
  }
}

extension Report.ValueEntry {
  func write(to w: inout JSONStream, copies: inout RuleEntryCopies) {
    w.beginObject()
    w.member("certain", certain.description)
    w.key("excluded_by")
    Report.RuleInfo.write(excludedBy, to: &w, copies: &copies)
    w.member("label", label)
    w.key("missing")
    w.strings(missing)
    w.member("name", name)
    w.key("near_misses")
    Report.RuleInfo.write(nearMisses, to: &w, copies: &copies)
    w.key("opposing")
    Report.RuleInfo.write(opposing, to: &w, copies: &copies)
    w.key("outranked_by")
    w.strings(outrankedBy)
    if let possible {
      w.key("possible")
      w.boolean(possible)
    }
    if let provisional {
      w.key("provisional")
      w.boolean(provisional)
    }
    if let rank {
      w.key("rank")
      w.integer(rank)
    }
    if let settledBy {
      w.key("settled_by")
      w.strings(settledBy)
    }
    w.member("status", status.rawValue)
    w.key("supporting")
    Report.RuleInfo.write(supporting, to: &w, copies: &copies)
    w.key("weight")
    w.number(weight)
    w.endObject()
  }
}

extension Report.RuleInfo {
  static func write(_ rules: [Self], to w: inout JSONStream, copies: inout RuleEntryCopies) {
    w.beginArray()
    for rule in rules { rule.write(to: &w, copies: &copies) }
    w.endArray()
  }

  /// The entry, or a copy of its bytes when the same entry was written before at this depth.
  func write(to w: inout JSONStream, copies: inout RuleEntryCopies) {
    let level = w.level
    if let bytes = copies.bytes(of: self, level: level) {
      w.repeatValue(bytes)
      return
    }
    // Compact output copies the members that depend only on the pack from bytes made once per
    // pack, when the entry still has the values they were made from.
    let parts = w.isPretty ? nil : packJSON.parts.flatMap { $0.matches(self) ? $0 : nil }
    w.beginObject()
    // The entry's first byte is its `{`, after any separator.
    let start = w.offset - 1
    w.member("because", because)
    w.key("bindings")
    w.beginArray()
    for binding in bindings {
      w.beginObject()
      w.member("name", binding.name)
      w.member("source", binding.source)
      w.member("value", binding.value)
      w.endObject()
    }
    w.endArray()
    if let parts {
      w.compactMembers(parts.citeIDLocation)
    } else {
      w.key("cite")
      w.strings(cite)
      w.member("id", id)
      w.member("location", location)
    }
    w.key("missing")
    w.strings(missing)
    w.key("premises")
    w.beginArray()
    for (position, premise) in premises.enumerated() {
      premise.write(to: &w, packMembers: parts?.premiseMembers(at: position, for: premise))
    }
    w.endArray()
    w.member("result", result.rawValue)
    if let parts {
      w.compactMembers(parts.statusMember)
    } else {
      w.member("status", status.rawValue)
    }
    w.member("teach", teach)
    if let parts {
      w.compactMembers(parts.titleWeight)
    } else {
      w.member("title", title)
      if let weight {
        w.key("weight")
        w.number(weight)
      }
    }
    w.endObject()
    copies.record(self, level: level, bytes: start..<w.offset)
  }
}

extension Report.PremiseInfo {
  /// The entry; `packMembers`, when given, are its `condition` and `location` members written
  /// before as compact JSON.
  func write(to w: inout JSONStream, packMembers: [UInt8]? = nil) {
    w.beginObject()
    if let packMembers {
      w.compactMembers(packMembers)
    } else {
      w.member("condition", condition)
      w.member("location", location)
    }
    w.key("observed")
    w.beginArray()
    for observation in observed { observation.write(to: &w) }
    w.endArray()
    w.member("truth", truth.description)
    w.endObject()
  }
}

extension Report.ObservationInfo {
  func write(to w: inout JSONStream) {
    w.beginObject()
    if let derivedBecause {
      w.key("derived_because")
      w.strings(derivedBecause)
    }
    if let derivedBy {
      w.key("derived_by")
      w.strings(derivedBy)
    }
    w.member("name", name)
    if let ranged {
      w.key("ranged")
      w.boolean(ranged)
    }
    w.member("source", source)
    w.member("value", value)
    w.endObject()
  }
}

extension CourseInfo {
  func write(to w: inout JSONStream) {
    w.beginObject()
    w.key("columns")
    w.beginArray()
    for column in columns {
      w.beginObject()
      w.member("description", column.description)
      w.member("instrument", column.instrument)
      w.member("name", column.name)
      w.endObject()
    }
    w.endArray()
    w.member("finding", finding)
    w.key("instruments")
    w.beginArray()
    for instrument in instruments { instrument.write(to: &w) }
    w.endArray()
    w.key("rows")
    w.beginArray()
    for row in rows {
      w.beginObject()
      w.key("bands")
      w.beginArray()
      for band in row.bands { w.string(orNull: band) }
      w.endArray()
      w.key("values")
      w.strings(row.values)
      w.endObject()
    }
    w.endArray()
    w.endObject()
  }
}

extension CourseInfo.Instrument {
  func write(to w: inout JSONStream) {
    func number(_ name: StaticString, _ value: Double?, _ w: inout JSONStream) {
      guard let value else { return }
      w.key(name)
      w.number(value)
    }
    w.beginObject()
    w.key("bands")
    w.beginArray()
    for band in bands {
      w.beginObject()
      w.key("from")
      w.number(band.from)
      w.member("label", band.label)
      w.endObject()
    }
    w.endArray()
    number("baseline", baseline, &w)
    number("change", change, &w)
    number("latest", latest, &w)
    w.member("latest_band", latestBand)
    number("lowest", lowest, &w)
    w.member("name", name)
    number("percent_change", percentChange, &w)
    w.key("points")
    w.beginArray()
    for point in points {
      w.beginObject()
      w.key("item")
      w.integer(point.item)
      w.key("value")
      w.number(point.value)
      w.endObject()
    }
    w.endArray()
    if let range {
      w.key("range")
      w.beginArray()
      for bound in range { w.number(bound) }
      w.endArray()
    }
    w.endObject()
  }
}
