import Foundation

/// Deterministic failures for client reliability tests: every Nth request
/// that passes the token and rate-limit checks gets a 503, a dropped
/// connection or a cut JSON body, as set in `EmulatorOptions`.
final class FaultInjector: @unchecked Sendable {
  private let options: EmulatorOptions
  private let lock = NSLock()
  private var count = 0

  init(options: EmulatorOptions) {
    self.options = options
  }

  /// Counts the request, then returns an injected fault or the response of `handle`.
  func apply(to handle: () throws -> HTTPResponse) throws -> HTTPResponse {
    let number = lock.withLock { () -> Int in
      count += 1
      return count
    }
    func isDue(_ every: Int) -> Bool { every > 0 && number % every == 0 }
    if isDue(options.dropConnectionEvery) {
      return HTTPResponse(status: 0, dropsConnection: true)
    }
    if isDue(options.serverErrorEvery) {
      throw APIError(
        status: 503, code: "service_unavailable",
        message: "The service is temporarily unavailable (injected by serverErrorEvery). Retry the request.")
    }
    var response = try handle()
    if isDue(options.malformedBodyEvery), (200..<300).contains(response.status), response.body.count > 1 {
      response.body = Array(response.body.prefix(response.body.count / 2))
    }
    return response
  }
}
