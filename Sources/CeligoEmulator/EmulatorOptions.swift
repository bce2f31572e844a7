/// Settings of one emulator instance: where it listens, what it accepts and
/// how large and how fast its demo account is.
public struct EmulatorOptions: Sendable {
  /// TCP port on 127.0.0.1, where 0 picks a free port.
  public var port: Int = 0
  /// The bearer token every request must carry.
  public var token: String = "celigo-demo-token"
  /// Seed of the demo account and of `faultRate`'s draws: the same seed
  /// gives the same IDs, records and fault sequence.
  public var seed: UInt64 = 1
  /// Page size of `Link`-paged lists, step-error pages and lookup-cache pages.
  public var pageSize: Int = 1000
  /// Speed multiplier of job lifecycles: 2 makes runs finish in half the time.
  public var jobSpeed: Double = 1.0
  /// Whether to apply the 1000-request bucket refilled at 300 requests per second.
  public var rateLimit: Bool = true
  /// Delay added before each response, in milliseconds.
  public var latencyMilliseconds: Int = 0
  /// Extra open errors on the NetSuite import of the Shopify order flow.
  public var bulkErrors: Int = 0
  /// Number of keys of an extra lookup cache, "Benchmark SKU cache", where 0 adds none.
  public var bulkCacheKeys: Int = 0
  /// Copies of the demo account's integrations and flows, where 1 adds none.
  /// Copies have no job history and no errors. The demo account has 21
  /// flows, so 24 makes 504, for load tests of commands that visit every flow.
  public var scale: Int = 1

  // Fault injection. Each "every N" fault counts the requests that pass the
  // token check, and 0 turns it off.

  /// Every Nth request fails with 503 `service_unavailable` before it is applied.
  public var serverErrorEvery: Int = 0
  /// Every Nth request is applied, then its connection closes after the
  /// headers and half the body. Such a request is recorded with status 0.
  public var dropConnectionEvery: Int = 0
  /// Every Nth request is applied and gets a 2xx response whose JSON body
  /// is cut in half.
  public var malformedBodyEvery: Int = 0
  /// Every Nth request gets 502 with an HTML page, as a gateway in front of
  /// the API sends, before it is applied.
  public var htmlErrorEvery: Int = 0
  /// Every Nth write (POST, PUT, PATCH or DELETE) is applied but never
  /// responded to: the connection stays silent until the client closes it.
  /// Such a request is recorded with status 0.
  public var stallWriteEvery: Int = 0
  /// The first N requests get 429 `rate_limited` with `Retry-After:
  /// stormRetryAfter`, after the token bucket has taken its token.
  public var rateLimitStorm: Int = 0
  /// Seconds sent in `Retry-After` during a 429 storm and for a random 429.
  public var stormRetryAfter: Int = 1
  /// Probability from 0 to 1 that a request gets one fault of `randomFaults`,
  /// drawn from a generator seeded with `seed`.
  public var faultRate: Double = 0
  /// The faults `faultRate` picks from, with equal weight.
  public var randomFaults: [Fault] = Fault.randomizable

  /// Creates the default options.
  public init() {}
}

/// A failure the emulator can inject into a response.
public enum Fault: String, Sendable, CaseIterable {
  /// 503 with the API's error envelope, before the request is applied.
  case serverError = "503"
  /// 502 with an HTML page, before the request is applied.
  case htmlError = "html"
  /// 429 with `Retry-After`, before the request is applied.
  case rateLimited = "429"
  /// Applied, then the connection closes halfway through the response.
  case dropConnection = "drop"
  /// Applied, and given a 2xx response with the JSON body cut in half.
  case truncatedBody = "truncate"
  /// Applied and never responded to (writes only).
  case stall = "stall"

  /// The faults that a random draw may pick. A stall waits out the client's
  /// timeout, so it is only injected on request.
  public static let randomizable: [Fault] = [
    .serverError, .htmlError, .rateLimited, .dropConnection, .truncatedBody,
  ]
}
