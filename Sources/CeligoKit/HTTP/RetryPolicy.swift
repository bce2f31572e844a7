import Foundation

/// When to send a request again: 429 after its `Retry-After`, and 5xx or
/// network failures with exponential backoff and jitter.
public struct RetryPolicy: Sendable {
  /// Attempts in all for a 429 response.
  public var rateLimitAttempts = 6
  /// Attempts in all for 5xx responses and network failures.
  public var failureAttempts = 4
  /// First backoff delay in seconds; it doubles on each attempt.
  public var baseDelay = 0.25
  /// The longest `Retry-After` that is waited out; a longer one fails.
  public var maxRetryAfter = 120.0

  public init() {}

  /// Returns the seconds to wait before the next attempt after an HTTP
  /// status, or nil when the status is final.
  func decision(status: Int, attempt: Int, idempotent: Bool, retryAfter: String?) -> Double? {
    if status == 429 {
      guard attempt < rateLimitAttempts else { return nil }
      let seconds = retryAfter.flatMap { Double($0.trimmingCharacters(in: .whitespaces)) } ?? 1
      guard seconds <= maxRetryAfter else { return nil }
      return max(seconds, 0) + Double.random(in: 0...0.1)
    }
    // A 5xx may come after the server acted on the request.
    guard (500..<600).contains(status) || status == 408, idempotent else { return nil }
    return networkDecision(attempt: attempt, safe: true)
  }

  /// Returns the backoff before the next attempt after a network failure,
  /// or nil when the request must not or need not be sent again.
  func networkDecision(attempt: Int, safe: Bool) -> Double? {
    guard safe, attempt < failureAttempts else { return nil }
    let delay = baseDelay * pow(2, Double(attempt - 1))
    return delay / 2 + Double.random(in: 0...(delay / 2))
  }
}
