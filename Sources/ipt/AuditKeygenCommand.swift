import ArgumentParser
import AuditStore
import Foundation

struct AuditKeygenCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "keygen",
    abstract:
      "Make an Ed25519 key pair for checkpoints: the private key to a file, the public key printed."
  )

  @Option(help: "Where to write the private key (hex; readable by its owner only).")
  var out: String

  func run() throws {
    guard !FileManager.default.fileExists(atPath: out) else {
      Terminal.error("\(out): error: the file exists; keygen does not write over a key")
      throw ExitCode.invalidInput
    }
    let pair = CheckpointKey.generate()
    guard
      FileManager.default.createFile(
        atPath: out, contents: Data((pair.privateKey + "\n").utf8),
        attributes: [.posixPermissions: 0o600])
    else {
      Terminal.error("\(out): error: cannot write the key")
      throw ExitCode.invalidInput
    }
    Terminal.write("public key \(pair.publicKey)\n")
  }
}
