/// Settings of one emulator instance: where it listens, what it accepts and
/// how large and how fast its demo account is.
public struct EmulatorOptions: Sendable {
  /// TCP port on 127.0.0.1, where 0 picks a free port.
  public var port: Int = 0
  /// The bearer token every request must carry.
  public var token: String = "celigo-demo-token"
  /// Seed of the demo account: the same seed gives the same IDs and records.
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
  /// Every Nth authorized request fails with 503 `service_unavailable`, unless this is 0.
  public var serverErrorEvery: Int = 0
  /// Every Nth authorized request gets no response because the connection
  /// closes, unless this is 0. Such a request is recorded with status 0.
  public var dropConnectionEvery: Int = 0
  /// Every Nth authorized request gets a 2xx response whose JSON body is
  /// cut in half, unless this is 0.
  public var malformedBodyEvery: Int = 0

  /// Creates the default options.
  public init() {}
}
