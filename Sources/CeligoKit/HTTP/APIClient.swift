import Foundation

/// The integrator.io HTTP client: bearer authentication, retries that
/// honour `Retry-After`, and an optional trace with the token redacted.
public final class APIClient: Sendable {
  public let baseURL: URL
  let token: String
  let timeout: Double
  /// The CA bundle file and directory from SSL_CERT_FILE (or CURL_CA_BUNDLE)
  /// and SSL_CERT_DIR, which libcurl itself does not read.
  let caFile: String?
  let caPath: String?
  let trace: (@Sendable (String) -> Void)?
  let retry: RetryPolicy

  public init(
    settings: Settings, retry: RetryPolicy = RetryPolicy(),
    trace: (@Sendable (String) -> Void)? = nil
  ) {
    self.baseURL = settings.baseURL
    self.token = settings.token
    self.retry = retry
    self.trace = settings.verbose ? trace : nil
    self.timeout = settings.timeout
    let environment = ProcessInfo.processInfo.environment
    caFile = Settings.nonEmpty(environment["SSL_CERT_FILE"]) ?? Settings.nonEmpty(environment["CURL_CA_BUNDLE"])
    caPath = Settings.nonEmpty(environment["SSL_CERT_DIR"])
  }

  /// Sends a request, retrying 429 responses after `Retry-After` and, for
  /// idempotent requests, 5xx responses and network failures with backoff.
  /// Throws `CeligoError.api` for any other non-2xx status. With
  /// `parsingJSON`, a 2xx body must be JSON, and an idempotent request whose
  /// body is not, such as one cut short by a proxy, is sent again.
  public func send(_ request: APIRequest, parsingJSON: Bool = false) async throws -> APIResponse {
    let url = try request.url(base: baseURL)
    let shownPath = url.path + (url.query.map { "?\($0)" } ?? "")
    var body: Data?
    if let value = request.body {
      body = Data(value.serialized().utf8)
    } else if request.method != "GET" && request.method != "DELETE" {
      body = Data("{}".utf8)
    }
    let transfer = CurlTransport.Request(
      method: request.method, url: url.absoluteString,
      headers: [
        "Authorization: Bearer \(token)", "Accept: application/json",
        "Content-Type: application/json",
        // No "Expect: 100-continue" wait before a body.
        "Expect:",
      ],
      body: body, idleTimeout: timeout, freshConnection: !request.idempotent,
      bypassProxy: url.host.map(Settings.isLoopback) ?? false, caFile: caFile, caPath: caPath)

    var attempt = 0
    while true {
      attempt += 1
      try Task.checkCancellation()
      let started = DispatchTime.now()
      let outcome: Result<APIResponse, Error>
      do {
        outcome = .success(try await CurlTransport.shared.perform(transfer))
      } catch {
        outcome = .failure(error)
      }
      let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e6

      switch outcome {
      case .success(let response):
        log("\(request.method) \(url.absoluteString) \(response.status) \(Int(elapsed)) ms"
          + (attempt > 1 ? " (attempt \(attempt))" : ""))
        if (200..<300).contains(response.status) {
          guard parsingJSON else { return response }
          do {
            return try response.parsingJSON(method: request.method, path: shownPath)
          } catch CeligoError.malformedResponse(let method, let path, let reason) {
            guard request.idempotent else {
              // A 2xx status means the server applied the change.
              throw CeligoError.malformedResponse(
                method: method, path: path,
                reason: "\(reason). The server answered \(response.status), so the change took effect;"
                  + " \(ErrorMessage.checkState(path)) before running the command again")
            }
            guard let wait = retry.networkDecision(attempt: attempt, safe: true) else {
              let tries = attempt > 1 ? " (after \(attempt) attempts)" : ""
              throw CeligoError.malformedResponse(method: method, path: path, reason: reason + tries)
            }
            try await backOff(wait, request.method, shownPath, "after: \(reason)")
            continue
          }
        }
        let decision = retry.decision(
          status: response.status, attempt: attempt, idempotent: request.idempotent,
          retryAfter: response.headers["retry-after"])
        if let wait = decision {
          try await backOff(wait, request.method, shownPath, "after status \(response.status)")
          continue
        }
        if response.status == 429 {
          throw CeligoError.rateLimited(method: request.method, path: shownPath, attempts: attempt)
        }
        throw apiError(response, method: request.method, path: shownPath)
      case .failure(let error):
        if let canceled = error as? TransferCanceled, canceled.requestSent, !request.idempotent {
          throw CeligoError.interruptedWrite(method: request.method, path: shownPath)
        }
        if error is CancellationError || error is TransferCanceled || Task.isCancelled {
          throw CeligoError.interrupted
        }
        let transport = error as? TransportError
        let reason = transport?.reason ?? String(describing: error)
        let neverSent = transport?.neverSent ?? false
        log("\(request.method) \(url.absoluteString) failed after \(Int(elapsed)) ms: \(reason)")
        if transport?.transient ?? true,
          let wait = retry.networkDecision(attempt: attempt, safe: request.idempotent || neverSent)
        {
          try await backOff(wait, request.method, shownPath, "after: \(reason)")
          continue
        }
        if !request.idempotent && !neverSent {
          throw CeligoError.uncertainWrite(method: request.method, path: shownPath, reason: reason)
        }
        throw CeligoError.unreachable(
          method: request.method, url: url.absoluteString, reason: reason, attempts: attempt)
      }
    }
  }

  /// Traces the coming retry, then sleeps `seconds` before it.
  private func backOff(_ seconds: Double, _ method: String, _ path: String, _ cause: String) async throws {
    log("retrying \(method) \(path) in \(Self.seconds(seconds)) \(cause)")
    try await Task.sleep(nanoseconds: UInt64(seconds * 1e9))
  }

  /// Writes a trace line with the token masked, when tracing is on.
  func log(_ line: String) {
    guard let trace else { return }
    trace(token.isEmpty ? line : line.replacingOccurrences(of: token, with: "***"))
  }

  static func seconds(_ value: Double) -> String {
    String(format: "%.1f s", value)
  }
}
