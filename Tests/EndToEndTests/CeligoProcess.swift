import Foundation

/// The result of one run of the `celigo` binary.
struct ProcessResult {
  let status: Int32
  let stdout: String
  let stderr: String
}

/// Runs the built `celigo` binary, as a user would, with a controlled
/// environment: no inherited config, token or profile.
enum CeligoProcess {
  /// The package root, found from this file's path.
  static let packageRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// The debug binary that `swift build` makes; CELIGO_BINARY overrides it.
  static var binary: String {
    if let path = ProcessInfo.processInfo.environment["CELIGO_BINARY"] { return path }
    return packageRoot.appendingPathComponent(".build/debug/celigo").path
  }

  /// A scratch HOME so no real config, cache or history is read or written.
  static func scratchHome() -> String {
    let path = NSTemporaryDirectory() + "celigo-e2e-\(UUID().uuidString)"
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  static func environment(baseURL: String?, token: String?, home: String, extra: [String: String] = [:])
    -> [String: String]
  {
    var environment = [
      "HOME": home, "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
      "XDG_CONFIG_HOME": home + "/.config", "XDG_CACHE_HOME": home + "/.cache",
      "XDG_STATE_HOME": home + "/.local/state", "NO_COLOR": "1",
    ]
    if let baseURL { environment["CELIGO_BASE_URL"] = baseURL }
    if let token { environment["CELIGO_API_TOKEN"] = token }
    environment.merge(extra) { $1 }
    return environment
  }

  /// Runs the binary (or another executable) with arguments and optional standard input, waiting at
  /// most `timeout` seconds. The wait suspends instead of blocking, so that
  /// tests running in parallel keep the concurrency pool's threads.
  static func run(
    _ arguments: [String], environment: [String: String], input: String? = nil,
    timeout: TimeInterval = 60, executable: String = binary
  ) async throws -> ProcessResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.environment = environment
    let output = Pipe()
    let errors = Pipe()
    let stdin = Pipe()
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = stdin

    return try await withCheckedThrowingContinuation { continuation in
      // Both pipes are drained on their own threads while the process runs,
      // so a full pipe cannot block it. These are plain threads, not
      // Dispatch's global queue: on Linux the Swift concurrency pool runs
      // on that queue's threads, and blocking them makes other tests'
      // sleeps resume late.
      let collector = OutputCollector()
      let group = DispatchGroup()
      for (pipe, isError) in [(output, false), (errors, true)] {
        group.enter()
        Thread {
          let data = pipe.fileHandleForReading.readDataToEndOfFile()
          collector.store(data, isError: isError)
          group.leave()
        }.start()
      }
      do {
        try process.run()
      } catch {
        continuation.resume(throwing: error)
        return
      }
      if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
      try? stdin.fileHandleForWriting.close()
      Thread {
        if group.wait(timeout: .now() + timeout) == .timedOut {
          process.terminate()
          continuation.resume(throwing: TimeoutError(arguments: arguments))
          return
        }
        process.waitUntilExit()
        let (out, err) = collector.values
        continuation.resume(
          returning: ProcessResult(
            status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
            stderr: String(decoding: err, as: UTF8.self)))
      }.start()
    }
  }
}

/// Output of both pipes, filled from two reader threads.
final class OutputCollector: @unchecked Sendable {
  private let lock = NSLock()
  private var output = Data()
  private var errors = Data()

  func store(_ data: Data, isError: Bool) {
    lock.withLock {
      if isError { errors = data } else { output = data }
    }
  }

  var values: (Data, Data) { lock.withLock { (output, errors) } }
}

struct TimeoutError: Error, CustomStringConvertible {
  let arguments: [String]
  var description: String { "celigo \(arguments.joined(separator: " ")) did not finish in time" }
}
