/// How `ipt serve` runs: where it listens, the bearer token it asks for, and its limits.
public struct ServerSettings: Sendable {
  /// The address to bind (default loopback).
  public var host: String
  /// The TCP port (0 picks a free one).
  public var port: Int
  /// The bearer token every request must carry, or nil (allowed on loopback only).
  public var token: String?
  /// The largest request body accepted, in bytes (default 1 MiB); larger bodies get 413.
  public var maxBodySize: Int
  /// How long a request may take, body read included (default 10 s); a request that takes
  /// longer gets 503, and work that cannot be interrupted finishes in the background.
  public var requestTimeout: Duration

  /// Settings with the given address, token, body limit and time limit.
  public init(
    host: String = "127.0.0.1", port: Int = 8080, token: String? = nil,
    maxBodySize: Int = 1 << 20, requestTimeout: Duration = .seconds(10)
  ) {
    self.host = host
    self.port = port
    self.token = token
    self.maxBodySize = maxBodySize
    self.requestTimeout = requestTimeout
  }

  /// Whether `host` names the loopback interface (`127.0.0.1`, another `127.x` address, `::1`
  /// or `localhost`), the only addresses that may be bound without a token.
  public static func isLoopback(_ host: String) -> Bool {
    host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
  }
}
