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

  /// Runs the binary with arguments and optional standard input, waiting at
  /// most `timeout` seconds.
  static func run(
    _ arguments: [String], environment: [String: String], input: String? = nil,
    timeout: TimeInterval = 60
  ) throws -> ProcessResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = arguments
    process.environment = environment
    let output = Pipe()
    let errors = Pipe()
    let stdin = Pipe()
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = stdin
    try process.run()
    if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
    try stdin.fileHandleForWriting.close()

    // Read both pipes while the process runs, so a full pipe cannot block it.
    let group = DispatchGroup()
    nonisolated(unsafe) var outData = Data()
    nonisolated(unsafe) var errData = Data()
    group.enter()
    DispatchQueue.global().async {
      outData = output.fileHandleForReading.readDataToEndOfFile()
      group.leave()
    }
    group.enter()
    DispatchQueue.global().async {
      errData = errors.fileHandleForReading.readDataToEndOfFile()
      group.leave()
    }
    if group.wait(timeout: .now() + timeout) == .timedOut {
      process.terminate()
      throw TimeoutError(arguments: arguments)
    }
    process.waitUntilExit()
    return ProcessResult(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }
}

struct TimeoutError: Error, CustomStringConvertible {
  let arguments: [String]
  var description: String { "celigo \(arguments.joined(separator: " ")) did not finish in time" }
}
