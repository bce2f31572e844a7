import CeligoEmulator
import CeligoKit
import Foundation

/// `celigo emulator`: serves the emulator in the foreground until
/// interrupted, printing how to point celigo at it.
enum EmulatorCommand {
  static func options(_ invocation: Invocation) -> EmulatorOptions {
    var options = EmulatorOptions()
    if let port = invocation.value("--port").flatMap(Int.init) { options.port = port }
    if let token = invocation.value("--token") { options.token = token }
    if let seed = invocation.value("--seed").flatMap(UInt64.init) { options.seed = seed }
    if let size = invocation.value("--page-size").flatMap(Int.init) { options.pageSize = size }
    if let speed = invocation.value("--job-speed").flatMap(Double.init) { options.jobSpeed = speed }
    if let latency = invocation.value("--latency").flatMap(Int.init) { options.latencyMilliseconds = latency }
    if invocation.flag("--no-rate-limit") { options.rateLimit = false }
    if let count = invocation.value("--bulk-errors").flatMap(Int.init) { options.bulkErrors = count }
    if let count = invocation.value("--bulk-cache-keys").flatMap(Int.init) { options.bulkCacheKeys = count }
    if let scale = invocation.value("--scale").flatMap(Int.init) { options.scale = scale }
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
