import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// The integrator.io HTTP client: bearer authentication, retries that
/// honour `Retry-After`, and an optional trace with the token redacted.
public final class APIClient: Sendable {
  public let baseURL: URL
  let token: String
  let session: URLSession
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
    let configuration = URLSessionConfiguration.ephemeral
    configuration.timeoutIntervalForRequest = settings.timeout
    configuration.httpMaximumConnectionsPerHost = 8
    configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
    // NOTE: In Swift 6.3.1 on Linux, FoundationNetworking stops the process
    // with "Transfer completed, but there's no response" when a connection
    // closes before the response headers are complete (the emulator's drop
    // fault on a 204 reply does this). No error reaches the caller, so the
    // shell ends. Upstream fix: swift-corelibs-foundation pull request 5286.
    self.session = URLSession(configuration: configuration)
  }

  /// Sends a request, retrying 429 responses after `Retry-After` and, for
  /// idempotent requests, 5xx responses and network failures with backoff.
  /// Throws `CeligoError.api` for any other non-2xx status.
  public func send(_ request: APIRequest) async throws -> APIResponse {
    let url = try request.url(base: baseURL)
    let shownPath = url.path + (url.query.map { "?\($0)" } ?? "")
    var urlRequest = URLRequest(url: url)
    urlRequest.httpMethod = request.method
    urlRequest.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
    urlRequest.setValue("application/json", forHTTPHeaderField: "Accept")
    urlRequest.setValue("application/json", forHTTPHeaderField: "Content-Type")
    if let body = request.body {
      urlRequest.httpBody = Data(body.serialized().utf8)
    } else if request.method != "GET" && request.method != "DELETE" {
      urlRequest.httpBody = Data("{}".utf8)
    }

    var attempt = 0
    while true {
      attempt += 1
      try Task.checkCancellation()
      let started = DispatchTime.now()
      let outcome: Result<APIResponse, Error>
      do {
        outcome = .success(try await perform(urlRequest))
      } catch {
        outcome = .failure(error)
      }
      let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e6

      switch outcome {
      case .success(let response):
        log("\(request.method) \(url.absoluteString) \(response.status) \(Int(elapsed)) ms"
          + (attempt > 1 ? " (attempt \(attempt))" : ""))
        if (200..<300).contains(response.status) { return response }
        let decision = retry.decision(
          status: response.status, attempt: attempt, idempotent: request.idempotent,
          retryAfter: response.headers["retry-after"])
        if let wait = decision {
          log("retrying \(request.method) \(shownPath) in \(Self.seconds(wait)) after status \(response.status)")
          try await Task.sleep(nanoseconds: UInt64(wait * 1e9))
          continue
        }
        if response.status == 429 {
          throw CeligoError.rateLimited(method: request.method, path: shownPath, attempts: attempt)
        }
        throw apiError(response, method: request.method, path: shownPath)
      case .failure(let error):
        if error is CancellationError || Task.isCancelled { throw CeligoError.interrupted }
        let reason = Self.reason(error)
        log("\(request.method) \(url.absoluteString) failed after \(Int(elapsed)) ms: \(reason)")
        let neverSent = Self.connectionNeverOpened(error)
        if let wait = retry.networkDecision(attempt: attempt, safe: request.idempotent || neverSent) {
          log("retrying \(request.method) \(shownPath) in \(Self.seconds(wait)) after: \(reason)")
          try await Task.sleep(nanoseconds: UInt64(wait * 1e9))
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

  private func perform(_ request: URLRequest) async throws -> APIResponse {
    let (data, response) = try await session.cancellableData(for: request)
    guard let http = response as? HTTPURLResponse else {
      throw URLError(.badServerResponse)
    }
    var headers: [String: String] = [:]
    for (name, value) in http.allHeaderFields {
      if let name = name as? String, let value = value as? String {
        headers[name.lowercased()] = value
      }
    }
    return APIResponse(status: http.statusCode, headers: headers, body: data)
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
