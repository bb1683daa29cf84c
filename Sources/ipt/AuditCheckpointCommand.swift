import ArgumentParser
import AuditStore
import RuleDiagnostics
import RuleWorkspace

struct AuditCheckpointCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "checkpoint",
    abstract: "Verify the chain and print its head signed with an Ed25519 key (keep it elsewhere).",
    discussion: """
      ipt audit checkpoint STORE --key KEY > checkpoint.json; later,
      ipt audit verify STORE --checkpoint checkpoint.json --public-key HEX proves that the log up
      to that record was not rewritten.
      """)

  @Argument(help: "The audit store.")
  var store: String

  @Option(help: "The file holding the private key (from 'ipt audit keygen').")
  var key: String

  func run() throws {
    let audit = try AuditStore.forCommand(store)
    let keyText: String
    do { keyText = try Workspace.read(key, maxBytes: 4096).text } catch {
      Terminal.error(error.description)
      throw ExitCode.invalidInput
    }
    do throws(AuditError) {
      Terminal.write(try audit.checkpoint(keyText: keyText).json)
    } catch {
      throw error.exit()
    }
  }
}
