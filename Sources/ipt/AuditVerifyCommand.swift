import ArgumentParser
import AuditStore
import Foundation
import RuleDiagnostics
import RuleWorkspace

struct AuditVerifyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "verify",
    abstract: "Recompute the chain: the first record altered, deleted, inserted or reordered.",
    discussion: """
      Exit codes: 0 every record verifies (and the checkpoint holds); 1 the chain or the
      checkpoint does not hold; 2 the store cannot be used.
      """)

  @Argument(help: "The audit store.")
  var store: String

  @Option(help: "A signed checkpoint (from 'ipt audit checkpoint') the store must still match.")
  var checkpoint: String?

  @Option(
    name: .customLong("public-key"),
    help: "The public key (hex) the checkpoint must be signed with; default: the one it names.")
  var publicKey: String?

  func run() throws {
    let audit = try AuditStore.forCommand(store)
    var checkpointValue: Checkpoint?
    if let checkpoint {
      do {
        let file = try Workspace.read(checkpoint)
        checkpointValue = try JSONDecoder().decode(Checkpoint.self, from: Data(file.text.utf8))
      } catch {
        Terminal.error("\(checkpoint): error: not a checkpoint file (\(error))")
        throw ExitCode.invalidInput
      }
    }
    let verification: ChainVerification
    do throws(AuditError) { verification = try audit.verify() } catch { throw error.exit() }
    if let problem = verification.problem {
      Terminal.write(
        "\(store): the chain breaks: \(problem)\n\(verification.verified) record\(verification.verified == 1 ? "" : "s") verified before it\n"
      )
      throw ExitCode(1)
    }
    Terminal.write(
      "\(store): \(verification.verified) record\(verification.verified == 1 ? "" : "s") verified; head \(verification.head)\n"
    )
    if let checkpointValue {
      if let problem = audit.check(checkpointValue, trusted: publicKey, verification: verification)
      {
        Terminal.write("\(store): the checkpoint does not hold: \(problem)\n")
        throw ExitCode(1)
      }
      Terminal.write(
        "\(store): checkpoint at record \(checkpointValue.seq) (signed \(checkpointValue.at), key \(checkpointValue.publicKey.prefix(16))) holds\n"
      )
    }
  }
}
