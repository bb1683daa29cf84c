import Advisor
import AdvisorServer
import ArgumentParser
import AuditStore
import Foundation
import RuleDiagnostics
import RuleEngine
import RuleWorkspace
import Synchronization

struct ServeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract: "Serve the web pages, the JSON API and the CDS Hooks service over HTTP.",
    discussion: """
      Binds 127.0.0.1:8080 by default; open http://127.0.0.1:8080/ in a browser. Binding any \
      other address needs --token FILE, and then every request must carry that token \
      (Authorization: Bearer TOKEN; pages get a login form). With --audit every evaluation and \
      check the server makes is recorded in that store (for the user --by names), and the Review \
      pages show the runs waiting for a review and record reviews there. Stops on SIGINT or \
      SIGTERM.
      """)

  @OptionGroup var packOptions: PackOptions

  @Option(
    help: ArgumentHelp(
      "An audit store: every evaluation and check is recorded there, and the Review pages show and review its runs.",
      valueName: "path"))
  var audit: String?

  @Option(
    help: ArgumentHelp(
      "With --audit, the pseudonymous user the server's runs are recorded for.", valueName: "name"))
  var by: String = "ipt-serve"

  @Option(help: "The address to bind.")
  var host: String = "127.0.0.1"

  @Option(help: "The TCP port.")
  var port: Int = 8080

  @Option(
    help: ArgumentHelp(
      "A file holding the bearer token every request must carry (needed off loopback).",
      valueName: "file"))
  var token: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "The largest request body accepted (default 1M); K, M and G suffixes are allowed.",
      valueName: "size"))
  var maxBodySize: FileSize = FileSize(bytes: 1 << 20)

  @Option(
    name: .long,
    help: ArgumentHelp(
      "How long a request may take, body read included, before it gets 503 (default 10).",
      valueName: "seconds"))
  var requestTimeout: Double = 10

  func validate() throws {
    if !(0...65535).contains(port) { throw ValidationError("--port takes 0 to 65535") }
    if !(requestTimeout > 0 && requestTimeout <= 86_400) {
      throw ValidationError("--request-timeout takes a number of seconds above 0, at most 86400")
    }
    if token == nil && !ServerSettings.isLoopback(host) {
      throw ValidationError(
        "binding '\(host)' exposes the server beyond this machine: give --token FILE (a file holding a secret token)"
      )
    }
  }

  /// The token read from its file (surrounding white space removed); a missing, unreadable or
  /// empty file is a usage error.
  func readToken() throws -> String? {
    guard let token else { return nil }
    let text: String
    do throws(ReadError) {
      text = try Workspace.read(token, maxBytes: 4096).text
    } catch {
      throw ValidationError("--token: \(error.description)")
    }
    let secret = text.trimmingCharacters(in: .whitespacesAndNewlines)
    guard secret.count >= 16, !secret.contains(where: \.isWhitespace) else {
      throw ValidationError(
        "--token: '\(token)' must hold one token of at least 16 characters without spaces")
    }
    return secret
  }

  func run() throws {
    let secret: String?
    do {
      secret = try readToken()
    } catch let error as ValidationError {
      Terminal.error("Error: \(error.message)")
      throw ExitCode(64)
    }
    let advisor = try Advisor.forCommand(packOptions.folder, mode: packOptions.mode.mode)
    var store: AuditStore?
    var recorder: AuditSession?
    if let audit {
      do throws(AuditError) {
        let opened = try AuditStore.open(audit, create: true)
        store = opened
        recorder = try AuditSession(store: opened, advisor: advisor, by: by, command: "serve")
      } catch {
        Terminal.error(error.description)
        throw ExitCode.invalidInput
      }
    }
    let server = AdvisorServer(
      advisor: advisor,
      settings: ServerSettings(
        host: host, port: port, token: secret, maxBodySize: maxBodySize.bytes,
        requestTimeout: .seconds(requestTimeout)),
      audit: store, recorder: recorder, log: { Terminal.error($0) })
    let shown = host.contains(":") ? "[\(host)]" : host
    let address =
      port == 0
      ? "a free port of \(shown) (the next line names it)" : "http://\(shown):\(port)/"
    Terminal.error(
      "ipt serve: \(advisor.program.pack.id) \(advisor.program.pack.version) on \(address)"
        + (secret == nil ? "" : "; every request needs the token"))
    let failure = Mutex<String?>(nil)
    let done = DispatchSemaphore(value: 0)
    Task {
      do {
        try await server.run()
      } catch {
        failure.withLock { $0 = "\(error)" }
      }
      done.signal()
    }
    done.wait()
    if let message = failure.withLock({ $0 }) {
      Terminal.error("ipt serve: \(message)")
      throw ExitCode(70)
    }
  }
}
