import CeligoEmulator
import CeligoKit
import Foundation

/// `celigo emulator`: serves the emulator in the foreground until
/// interrupted, printing how to point celigo at it.
enum EmulatorCommand {
  /// Whole-number options and the setting each one sets.
  static var integerOptions: [(String, WritableKeyPath<EmulatorOptions, Int>)] {
    [
      ("--port", \.port), ("--page-size", \.pageSize), ("--latency", \.latencyMilliseconds),
      ("--bulk-errors", \.bulkErrors), ("--bulk-cache-keys", \.bulkCacheKeys),
      ("--server-error-every", \.serverErrorEvery), ("--html-error-every", \.htmlErrorEvery),
      ("--drop-every", \.dropConnectionEvery), ("--truncate-every", \.malformedBodyEvery),
      ("--stall-writes-every", \.stallWriteEvery), ("--rate-limit-storm", \.rateLimitStorm),
      ("--retry-after", \.stormRetryAfter), ("--scale", \.scale),
    ]
  }

  static func options(_ invocation: Invocation) -> EmulatorOptions {
    var options = EmulatorOptions()
    for (name, setting) in integerOptions {
      if let value = invocation.value(name).flatMap(Int.init) { options[keyPath: setting] = value }
    }
    if let token = invocation.value("--token") { options.token = token }
    if let seed = invocation.value("--seed").flatMap(UInt64.init) { options.seed = seed }
    if let speed = invocation.value("--job-speed").flatMap(Double.init) { options.jobSpeed = speed }
    if let percent = invocation.value("--fault-percent").flatMap(Double.init) {
      options.faultRate = percent / 100
    }
    if invocation.flag("--no-rate-limit") { options.rateLimit = false }
    return options
  }

  static func run(_ invocation: Invocation, terminal: TerminalIO) -> Int32 {
    let options = options(invocation)
    let emulator = Emulator(options: options)
    do {
      try emulator.start()
    } catch {
      terminal.writeError("celigo: cannot start the emulator on port \(options.port): \(error)\n")
      return ExitCode.failure
    }
    terminal.writeOutput(
      """
      integrator.io emulator listening on \(emulator.baseURL)
      Point celigo at it with:
        export CELIGO_BASE_URL=\(emulator.baseURL) CELIGO_API_TOKEN=\(options.token)
      Press Ctrl-C to stop.

      """)
    // Sleep until SIGINT or SIGTERM ends the process.
    while true { sleep(3600) }
  }
}
