import ArgumentParser
import AuditStore

struct AuditReviewCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "review",
    abstract: "Append a supervisor's review of a run or check: accept, or override with values.",
    discussion: """
      ipt audit review STORE 12 --by sup-a --accept --reason "formulation sound"
      ipt audit review STORE 12 --by sup-a --override focus=role_dispute --reason "..."
      An override names an output and the values the supervisor holds right (comma-separated,
      empty for none). The review is a new chained record; nothing is changed in place.
      """)

  @Argument(help: "The audit store.")
  var store: String

  @Argument(help: "The sequence number of the run or check reviewed.")
  var record: Int64

  @Option(help: "The reviewer (pseudonymous).")
  var by: String

  @Flag(help: "Accept the engine's suggestions as they are.")
  var accept = false

  @Option(
    help: ArgumentHelp(
      "Override an output: OUTPUT=VALUE[,VALUE] (repeatable).", valueName: "output=values"))
  var override: [String] = []

  @Option(help: "Why (required).")
  var reason: String

  func validate() throws {
    if accept == !override.isEmpty {
      throw ValidationError("give either --accept or one or more --override OUTPUT=VALUE")
    }
    for text in override where AuditReview.override(text) == nil {
      throw ValidationError("'\(text)' is not OUTPUT=VALUE[,VALUE]")
    }
  }

  func run() throws {
    let audit = try AuditStore.forCommand(store)
    var overrides: [String: [String]] = [:]
    for text in override {
      if let (output, values) = AuditReview.override(text) {
        overrides[output, default: []] += values
      }
    }
    let review = AuditReview(
      decision: accept ? .accept : .override, overrides: overrides, reason: reason)
    do throws(AuditError) {
      let written = try audit.appendReview(subject: record, by: by, review: review)
      Terminal.write(
        "review \(written.seq) of record \(record) recorded (\(review.decision.rawValue)); hash \(written.hash)\n"
      )
    } catch {
      throw error.exit()
    }
  }
}
