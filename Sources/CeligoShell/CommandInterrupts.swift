import CEditLineShim
import CeligoKit

/// Ctrl-C while a command runs: the shim's SIGINT handler records the
/// interrupt, and this cancels the command's task, so its requests stop
/// and the shell gets its prompt back.
enum CommandInterrupts {
  /// How often the interrupt flag is read while a command runs.
  static let pollInterval = Duration.milliseconds(20)

  /// Runs `command` in a task and cancels that task when an interrupt
  /// arrives. An interrupted command finishes with exit code 130.
  static func run(_ command: @escaping @Sendable () async -> CommandOutcome) async -> CommandOutcome {
    // An interrupt left over from the line editor must not cancel this command.
    _ = celigo_interrupt_take()
    let task = Task { await command() }
    let watcher = Task { () -> Bool in
      while !Task.isCancelled {
        try? await Task.sleep(for: pollInterval)
        if celigo_interrupt_take() != 0 {
          task.cancel()
          return true
        }
      }
      return false
    }

    let outcome = await task.value
    watcher.cancel()
    guard await watcher.value, case .finished = outcome else { return outcome }
    return .finished(ExitCode.interrupted)
  }
}
