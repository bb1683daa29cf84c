import ArgumentParser
import AuditStore

struct AuditReplayCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "replay",
    abstract:
      "Re-run records from the stored pack and case with this engine; report any difference.",
    discussion: """
      Each record is evaluated again from the pack files and case bytes kept in the store (not
      from the pack's folder, which may have changed) and its result compared byte for byte.
      Exit codes: 0 every record replayed identically; 1 some differ; 2 the store cannot be used.
      """)

  @Argument(help: "The audit store.")
  var store: String

  @Argument(help: "The record's sequence number.")
  var record: Int64?

  @Flag(help: "Replay every run and check.")
  var all = false

  func validate() throws {
    if (record == nil) == !all {
      throw ValidationError("give one record's number, or --all")
    }
  }

  func run() throws {
    let audit = try AuditStore.forCommand(store)
    let replayer = AuditReplayer(store: audit)
    var differing = 0
    var count = 0
    do throws(AuditError) {
      var records: [AuditRecord]
      if let record { records = [try audit.record(record)] } else { records = try audit.records() }
      for entry in records where entry.kind != .review {
        count += 1
        let result = replayer.replay(entry)
        if !result.identical {
          differing += 1
          Terminal.write("record \(entry.seq) (\(entry.caseID ?? "")) differs:\n")
          for line in result.differences { Terminal.write("  \(line)\n") }
        }
      }
      if let number = record, count == 0 {
        throw AuditError(
          path: store, reason: "record \(number) is a review; replay the run or check it names")
      }
    } catch {
      throw error.exit()
    }
    Terminal.write(
      "\(count - differing) of \(count) record\(count == 1 ? "" : "s") replayed identically\n")
    if differing > 0 { throw ExitCode(1) }
  }
}
