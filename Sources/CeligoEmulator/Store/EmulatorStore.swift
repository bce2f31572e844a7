import Foundation

/// The lock around `EmulatorState`: every request reads and changes the
/// state through `withState`, so requests on different threads never race.
final class EmulatorStore: @unchecked Sendable {
  private let lock = NSLock()
  private let state: EmulatorState

  init(state: EmulatorState) {
    self.state = state
  }

  /// Runs `body` with exclusive access to the state, after applying the
  /// effects of jobs that finished since the last access.
  func withState<Result>(_ body: (EmulatorState) throws -> Result) rethrows -> Result {
    try lock.withLock {
      state.settleFinishedJobs(at: Timestamp.nowMilliseconds())
      return try body(state)
    }
  }
}
