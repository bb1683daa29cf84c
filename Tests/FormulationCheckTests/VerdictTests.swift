import RuleEngine
import Testing
import TraineeCheck

/// The verdict logic of `Program.compare(_:with:)` on a small in-memory pack.
@Suite("Formulation verdicts")
struct VerdictTests {
  @Test("a value both chose is agreed, and nothing else is listed")
  func agreed() throws {
    let (program, c) = try MiniPack.compare(
      "focus: [grief]\nvariant: standard\n", findings: "dead: true")
    #expect(c.verdicts("focus", in: program) == ["grief": .agreed])
    #expect(c.verdicts("variant", in: program) == ["standard": .agreed])
    #expect(c.counts.agreed == 2)
    #expect(c.counts.disagreements == 0)
    #expect(c.value("focus", "grief", in: program)?.uncertainty == [])
  }

  @Test("a value the engine picks and the trainee left out is missed")
  func missed() throws {
    let (program, c) = try MiniPack.compare(
      "focus: []\nvariant: standard\n", findings: "dead: true")
    #expect(c.verdicts("focus", in: program) == ["grief": .missed])
    #expect(c.outputs[0].counts.missed == 1)
    #expect(c.disagreements == 1)
  }

  @Test(
    "an output the formulation does not name is not addressed, and the engine's picks are missed")
  func notAddressed() throws {
    let (program, c) = try MiniPack.compare("focus: [grief]\n", findings: "dead: true")
    #expect(c.outputs[1].addressed == false)
    #expect(c.outputs[0].addressed == true)
    #expect(c.verdicts("variant", in: program) == ["standard": .missed])
  }

  @Test("a value the trainee chose without enough settled evidence is unsupported")
  func unsupported() throws {
    let (program, c) = try MiniPack.compare(
      "focus: [transition]\nvariant: standard\n", findings: "")
    #expect(c.verdicts("focus", in: program) == ["transition": .unsupported])
    #expect(c.value("focus", "transition", in: program)?.missing == [])
  }

  @Test("a value excluded by a fired rule is contested, never uncertain")
  func contested() throws {
    let (program, c) = try MiniPack.compare("variant: standard\n", findings: "teen: true")
    #expect(c.verdicts("variant", in: program) == ["standard": .contested, "adolescent": .missed])
    #expect(c.value("variant", "standard", in: program)?.uncertainty == [])
  }

  @Test(
    "a disagreement on a value whose decision rests on unknown findings is uncertain, with what to ask"
  )
  func undetermined() throws {
    let (program, c) = try MiniPack.compare(
      "focus: [transition]\nvariant: standard\n", findings: "teen: false", allKnown: false)
    let transition = try #require(c.value("focus", "transition", in: program))
    #expect(transition.verdict == .uncertain)
    #expect(transition.uncertainty == [.undetermined])
    let moved = try #require(program.findings.firstIndex { $0.name == "moved" })
    #expect(transition.missing.contains(moved))
    #expect(!transition.questions.isEmpty)
    #expect(c.disagreements == 0)
  }

  @Test("an agreement on an unsettled value stays agreed, marked tentative")
  func tentativeAgreement() throws {
    // transition has 3 points; unknown grief findings could outrank it and `max: 1` is full.
    let (program, c) = try MiniPack.compare(
      "focus: [transition]\n", findings: "moved: true, teen: false, risk: false, strain: false",
      allKnown: false)
    let transition = try #require(c.value("focus", "transition", in: program))
    #expect(transition.verdict == .agreed)
    #expect(transition.uncertainty == [.undetermined])
    #expect(c.counts.agreed == 1)
  }

  @Test(
    "values within the close-call margin are uncertain on both sides; a wider gap is a plain disagreement",
    arguments: [
      // grief 4 (3 + 1) vs transition 3: a gap of 1 point, within the margin.
      ("dead: true, extra: true, moved: true", Verdict.uncertain, Verdict.uncertain),
      // grief 5 (3 + 2) vs transition 3: a gap of 2 points.
      ("dead: true, avoid: true, moved: true", Verdict.missed, Verdict.unsupported),
      // A tie is broken by declared order: the closest call of all.
      ("dead: true, moved: true", Verdict.uncertain, Verdict.uncertain),
    ])
  func closeCall(findings: String, grief: Verdict, transition: Verdict) throws {
    let (program, c) = try MiniPack.compare(
      "focus: [transition]\nvariant: standard\n", findings: findings)
    #expect(c.verdicts("focus", in: program) == ["grief": grief, "transition": transition])
    if grief == .uncertain {
      let g = try #require(c.value("focus", "grief", in: program))
      let t = try #require(c.value("focus", "transition", in: program))
      #expect(g.uncertainty == [.closeCall])
      #expect(g.rivals == [1])
      #expect(t.rivals == [0])
    }
  }

  @Test("a value below min_weight is never in a close call, even within one point of a pick")
  func belowThresholdIsNotClose() throws {
    // standard has 1 point (picked), adolescent 0: below the threshold, so not a rival.
    let (program, c) = try MiniPack.compare("focus: []\nvariant: adolescent\n", findings: "")
    #expect(
      c.verdicts("variant", in: program) == ["standard": .missed, "adolescent": .unsupported])
    #expect(c.value("variant", "adolescent", in: program)?.rivals == [])
  }

  @Test("ignored alerts come first, most severe first; an ignored info alert is not a disagreement")
  func alerts() throws {
    let (program, c) = try MiniPack.compare(
      "focus: [grief]\nvariant: standard\nalerts: [note, watch]\n",
      findings: "dead: true, risk: true, strain: true")
    let names = c.alerts.map { program.alerts[$0.alert].name }
    #expect(names == ["danger", "watch", "note"])
    #expect(c.alerts.map(\.acknowledged) == [false, true, true])
    #expect(c.ignoredAlerts.map { program.alerts[$0.alert].name } == ["danger"])
    #expect(c.disagreements == 1)

    let (_, quiet) = try MiniPack.compare(
      "focus: [grief]\nvariant: standard\n", findings: "dead: true")
    #expect(quiet.ignoredAlerts.map { program.alerts[$0.alert].name } == ["note"])
    #expect(quiet.disagreements == 0)
  }

  @Test("alerts the formulation lists but no rule raised are reported apart")
  func unraisedAlerts() throws {
    let (program, c) = try MiniPack.compare(
      "focus: [grief]\nvariant: standard\nalerts: [danger]\n", findings: "dead: true")
    #expect(c.unraisedAlerts.map { program.alerts[$0].name } == ["danger"])
    #expect(!c.alerts.contains { program.alerts[$0.alert].name == "danger" })
  }

  @Test("counts add up per output and overall")
  func counts() throws {
    let (_, c) = try MiniPack.compare(
      "focus: [transition, dispute]\nvariant: standard\n",
      findings: "dead: true, avoid: true, teen: true")
    #expect(c.outputs[0].counts.missed == 1)
    #expect(c.outputs[0].counts.unsupported == 2)
    #expect(c.outputs[1].counts.contested == 1)
    #expect(c.outputs[1].counts.missed == 1)
    #expect(c.counts.total == 5)
    #expect(c.counts.disagreements == 5)
  }
}
