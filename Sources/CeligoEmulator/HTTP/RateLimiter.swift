import Foundation

/// Token bucket of the API's rate limit: 1000 requests, refilled at 300 per
/// second, shared by every connection of one emulator.
final class RateLimiter: @unchecked Sendable {
  static let capacity = 1000.0
  static let refillPerSecond = 300.0

  private let lock = NSLock()
  private var tokens = RateLimiter.capacity
  private var updatedAt = Date()

  /// Takes one token; returns nil on success, or the whole seconds (at least
  /// 1) to wait before a token is available.
  func take() -> Int? {
    lock.withLock {
      refill()
      if tokens >= 1 {
        tokens -= 1
        return nil
      }
      let seconds = (1 - tokens) / Self.refillPerSecond
      return max(1, Int(seconds.rounded(.up)))
    }
  }

  /// Sets the current token count, so tests can force a 429. Refilling
  /// pauses for one second afterwards, so a drained bucket stays empty long
  /// enough for the next request to see it.
  func set(_ count: Int) {
    lock.withLock {
      tokens = Double(count)
      updatedAt = Date().addingTimeInterval(1)
    }
  }

  private func refill() {
    let now = Date()
    tokens = min(Self.capacity, tokens + max(0, now.timeIntervalSince(updatedAt)) * Self.refillPerSecond)
    updatedAt = max(updatedAt, now)
  }
}
