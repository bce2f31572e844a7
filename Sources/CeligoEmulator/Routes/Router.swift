import CeligoKit
import Foundation

/// One API route: a method and a path pattern below `/v1`, where segments
/// starting with `:` capture a parameter.
struct Route: Sendable {
  let method: String
  let pattern: [String]
  let handler: @Sendable (RouteContext) throws -> HTTPResponse

  init(_ method: String, _ path: String, _ handler: @escaping @Sendable (RouteContext) throws -> HTTPResponse) {
    self.method = method
    self.pattern = path.split(separator: "/").map(String.init)
    self.handler = handler
  }

  /// Returns the captured parameters when `segments` match the pattern.
  func match(_ segments: [String]) -> [String: String]? {
    guard segments.count == pattern.count else { return nil }
    var parameters: [String: String] = [:]
    for (part, segment) in zip(pattern, segments) {
      if part.hasPrefix(":") {
        parameters[String(part.dropFirst())] = segment
      } else if part != segment {
        return nil
      }
    }
    return parameters
  }
}

/// Checks each request (token, rate limit, content type, JSON body), finds
/// its route, runs it against the store and records the exchange.
final class Router: @unchecked Sendable {
  private let store: EmulatorStore
  private let options: EmulatorOptions
  private let limiter: RateLimiter
  private let log: RequestLog
  private let baseURL: @Sendable () -> String
  private let routes: [Route]
  private let faults: FaultInjector

  init(store: EmulatorStore, options: EmulatorOptions, limiter: RateLimiter, log: RequestLog, baseURL: @escaping @Sendable () -> String) {
    self.store = store
    self.options = options
    self.limiter = limiter
    self.log = log
    self.baseURL = baseURL
    faults = FaultInjector(options: options)
    routes = Router.integrationRoutes + Router.flowRoutes + Router.stepErrorRoutes + Router.jobRoutes
      + Router.connectionRoutes + Router.resourceRoutes
  }

  /// Handles one request; never throws, because every failure becomes an
  /// error envelope.
  func handle(_ request: HTTPRequest) -> HTTPResponse {
    if options.latencyMilliseconds > 0 {
      usleep(useconds_t(options.latencyMilliseconds * 1000))
    }
    var body: JSONValue?
    var response: HTTPResponse
    var fault: Fault?
    do {
      body = try parseBody(request)
      (response, fault) = try faults.apply(method: request.method) { try dispatch(request, body: body) }
    } catch let error as APIError {
      response = error.response
    } catch {
      response = APIError(status: 500, code: "internal_error", message: "\(error)").response
    }
    log.append(
      RecordedRequest(
        method: request.method, path: request.path, query: request.query, headers: request.headers,
        body: body ?? (try? JSONValue.parse(request.body)),
        status: response.delivery == .whole ? response.status : 0, fault: fault))
    return response
  }

  private func parseBody(_ request: HTTPRequest) throws -> JSONValue? {
    guard request.header("Authorization") == "Bearer \(options.token)" else {
      throw APIError(status: 401, code: "unauthorized", message: "Missing or invalid bearer token in the Authorization header.")
    }
    if options.rateLimit, let wait = limiter.take() {
      throw APIError(
        status: 429, code: "rate_limited", message: "Too many requests. Retry after \(wait) seconds.",
        headers: [("Retry-After", String(wait))])
    }
    if request.header("Transfer-Encoding") != nil {
      throw APIError(status: 411, code: "length_required", message: "Send the request body with a Content-Length header; chunked bodies are not supported.")
    }
    guard !request.body.isEmpty else { return nil }
    let contentType = request.header("Content-Type")?.lowercased() ?? ""
    guard contentType.hasPrefix("application/json") else {
      throw APIError(
        status: 415, code: "unsupported_media_type",
        message: "Content-Type must be application/json, not \(contentType.isEmpty ? "missing" : contentType).")
    }
    do {
      return try JSONValue.parse(request.body)
    } catch {
      throw APIError(status: 400, code: "invalid_json", message: "The request body is not valid JSON: \(error)")
    }
  }

  private func dispatch(_ request: HTTPRequest, body: JSONValue?) throws -> HTTPResponse {
    var segments = request.path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    guard segments.first == "v1" else { throw APIError.notFound("Route \(request.method) \(request.path)") }
    segments.removeFirst()
    for route in routes where route.method == request.method {
      guard let parameters = route.match(segments) else { continue }
      let base = baseURL()
      return try store.withState { state in
        let context = RouteContext(
          request: request, parameters: parameters, body: body, state: state, baseURL: base,
          now: Timestamp.nowMilliseconds())
        return try route.handler(context)
      }
    }
    throw APIError.notFound("Route \(request.method) \(request.path)")
  }
}

/// The thread-safe list of every request received, in arrival order.
final class RequestLog: @unchecked Sendable {
  private let lock = NSLock()
  private var entries: [RecordedRequest] = []

  func append(_ entry: RecordedRequest) {
    lock.withLock { entries.append(entry) }
  }

  var all: [RecordedRequest] {
    lock.withLock { entries }
  }

  func clear() {
    lock.withLock { entries.removeAll() }
  }
}
