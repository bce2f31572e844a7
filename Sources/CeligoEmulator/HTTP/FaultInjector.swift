import CeligoKit
import Foundation

/// Failures for client reliability tests, as set in `EmulatorOptions`: a
/// 429 storm at the start, every-Nth faults, and seeded random faults.
final class FaultInjector: @unchecked Sendable {
  private let options: EmulatorOptions
  private let lock = NSLock()
  private var requestCount = 0
  private var writeCount = 0
  private var generator: SeededGenerator

  init(options: EmulatorOptions) {
    self.options = options
    generator = SeededGenerator(seed: options.seed)
  }

  /// Counts the request, then returns the response of `handle` or the
  /// injected fault's, with the fault that was injected.
  func apply(method: String, to handle: () throws -> HTTPResponse) throws -> (HTTPResponse, Fault?) {
    let fault = nextFault(isWrite: !["GET", "HEAD"].contains(method))
    switch fault {
    case nil:
      return (try handle(), nil)
    case .rateLimited:
      let wait = options.stormRetryAfter
      let error = APIError(
        status: 429, code: "rate_limited", message: "Too many requests. Retry after \(wait) seconds.",
        headers: [("Retry-After", String(wait))])
      return (error.response, fault)
    case .serverError:
      let error = APIError(
        status: 503, code: "service_unavailable",
        message: "The service is temporarily unavailable (injected fault). Retry the request.")
      return (error.response, fault)
    case .htmlError:
      return (Self.badGatewayPage, fault)
    case .dropConnection:
      var response = try handle()
      response.delivery = .partial
      return (response, fault)
    case .stall:
      var response = try handle()
      response.delivery = .never
      return (response, fault)
    case .truncatedBody:
      var response = try handle()
      guard (200..<300).contains(response.status), response.body.count > 1 else { return (response, nil) }
      response.body = Array(response.body.prefix(response.body.count / 2))
      return (response, fault)
    }
  }

  private func nextFault(isWrite: Bool) -> Fault? {
    lock.withLock {
      requestCount += 1
      if isWrite { writeCount += 1 }
      if requestCount <= options.rateLimitStorm { return .rateLimited }

      func isDue(_ every: Int, _ number: Int) -> Bool { every > 0 && number % every == 0 }
      if isWrite, isDue(options.stallWriteEvery, writeCount) { return .stall }
      let scheduled: [(Int, Fault)] = [
        (options.dropConnectionEvery, .dropConnection), (options.serverErrorEvery, .serverError),
        (options.htmlErrorEvery, .htmlError), (options.malformedBodyEvery, .truncatedBody),
      ]
      if let due = scheduled.first(where: { isDue($0.0, requestCount) }) { return due.1 }

      guard options.faultRate > 0, !options.randomFaults.isEmpty else { return nil }
      let draw = Double(generator.next() >> 11) / Double(UInt64(1) << 53)
      guard draw < options.faultRate else { return nil }
      let fault = options.randomFaults[Int(generator.next() % UInt64(options.randomFaults.count))]
      return fault == .stall && !isWrite ? nil : fault
    }
  }

  /// The page a gateway such as nginx sends when the API behind it fails.
  static let badGatewayPage = HTTPResponse(
    status: 502, headers: [("Content-Type", "text/html")],
    body: Array(
      """
      <html>
      <head><title>502 Bad Gateway</title></head>
      <body>
      <center><h1>502 Bad Gateway</h1></center>
      </body>
      </html>

      """.utf8))
}
