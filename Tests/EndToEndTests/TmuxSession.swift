import Foundation

/// A terminal program running in a detached tmux session on a private tmux
/// server, for end-to-end tests of the interactive shell. Keys go in with
/// `send`, and the screen comes back as text from `capture`.
final class TmuxSession {
  /// A tmux command that failed, with its arguments and standard error.
  struct CommandError: Error, CustomStringConvertible {
    let arguments: [String]
    let status: Int32
    let standardError: String

    var description: String {
      "tmux \(arguments.joined(separator: " ")) failed with status \(status): \(standardError)"
    }
  }

  /// The screen text that `waitFor` was still missing when time ran out.
  struct TimeoutError: Error, CustomStringConvertible {
    let expected: String
    let screen: String

    var description: String {
      "timed out waiting for \"\(expected)\" on the screen:\n\(screen)"
    }
  }

  /// Whether a `tmux` executable is on `PATH`; tests skip when it is not.
  static var isAvailable: Bool {
    executableURL != nil
  }

  /// Name of the tmux server socket, so tests never touch the user's server.
  let socketName: String

  /// Name of the session on that server.
  let sessionName: String

  private let tmux: URL
  private let configurationURL: URL
  /// The server's socket file.
  private(set) var socketPath: String
  /// The server's process ID, or nil when tmux did not report it.
  private(set) var serverPID: pid_t?
  private var isKilled = false

  /// Starts `command` (run by `sh -c`) in a detached session of `width` by
  /// `height` cells. `environment` adds variables to the command's own.
  /// The pane stays open after the command ends, so `exitStatus` and
  /// `capture` keep working. `owner` is the process ID in the socket name,
  /// which marks the server stale once that process has ended.
  init(
    command: String, environment: [String: String] = [:], width: Int = 120, height: Int = 40,
    owner: pid_t = getpid()
  ) throws {
    guard let tmux = Self.executableURL else {
      throw CommandError(arguments: [], status: -1, standardError: "tmux not found on PATH: install tmux")
    }
    _ = TmuxServerProcess.staleServersRemoved
    let unique = "\(TmuxServerProcess.socketPrefix)\(owner)-\(UUID().uuidString.prefix(8))"
    self.tmux = tmux
    socketName = unique
    sessionName = unique
    socketPath = (TmuxServerProcess.socketDirectory as NSString).appendingPathComponent(unique)

    // An empty configuration plus remain-on-exit, so the user's ~/.tmux.conf
    // cannot change key handling or the screen.
    configurationURL = FileManager.default.temporaryDirectory.appendingPathComponent("\(unique).tmux.conf")
    try "set -g remain-on-exit on\nset -g history-limit 5000\n".write(
      to: configurationURL, atomically: true, encoding: .utf8)

    let assignments = environment.sorted { $0.key < $1.key }.map { Self.shellQuoted("\($0.key)=\($0.value)") }
    let fullCommand = assignments.isEmpty ? command : "env \(assignments.joined(separator: " ")) \(command)"
    try startServer(["new-session", "-d", "-s", sessionName, "-x", String(width), "-y", String(height), fullCommand])
    // "1234 /tmp/tmux-0/celigo-…": the path may contain spaces, the ID not.
    let server = (try? run(["display-message", "-p", "#{pid} #{socket_path}"])) ?? ""
    let fields = server.trimmingCharacters(in: .newlines).split(separator: " ", maxSplits: 1)
    serverPID = fields.first.flatMap { pid_t($0) }
    if fields.count == 2 {
      socketPath = String(fields[1])
    }
  }

  deinit {
    kill()
  }

  /// Sends tmux key names, such as `"Tab"`, `"C-c"`, `"Up"` or `"Enter"`.
  func send(keys: String...) throws {
    try run(["send-keys", "-t", sessionName] + keys)
  }

  /// Types `literal` as is, without reading key names in it.
  func send(literal: String) throws {
    try run(["send-keys", "-t", sessionName, "-l", literal])
  }

  /// Returns the visible screen as text, one line per row. Spaces the
  /// program wrote at the end of a line are kept (`-N`), so a prompt such as
  /// `celigo> ` or a completed `flows ` can be matched with its blank.
  /// With `scrollback`, the lines scrolled off the top come first; after
  /// the command ends, tmux's "Pane is dead" line can push one off.
  func capture(scrollback: Bool = false) throws -> String {
    try run(["capture-pane", "-p", "-N", "-t", sessionName] + (scrollback ? ["-S", "-"] : []))
  }

  /// Polls the screen every 50 ms until it contains `text`, and returns it.
  func waitFor(_ text: String, timeout: Duration = .seconds(10)) async throws -> String {
    let deadline = ContinuousClock.now + timeout
    var screen = try capture()
    while !screen.contains(text) {
      guard ContinuousClock.now < deadline else {
        throw TimeoutError(expected: text, screen: screen)
      }
      try await Task.sleep(for: .milliseconds(50))
      screen = try capture()
    }
    return screen
  }

  /// Returns the command's exit status once it has ended, or nil while it
  /// runs.
  func exitStatus() throws -> Int32? {
    let fields = try run(["display-message", "-p", "-t", sessionName, "#{pane_dead} #{pane_dead_status}"])
      .split(separator: " ")
    guard fields.first == "1", fields.count > 1 else {
      return nil
    }
    return Int32(fields[1].trimmingCharacters(in: .whitespacesAndNewlines))
  }

  /// Returns the process ID of the pane's command.
  func paneProcessID() throws -> pid_t? {
    pid_t(try run(["display-message", "-p", "-t", sessionName, "#{pane_pid}"]).trimmingCharacters(in: .newlines))
  }

  /// Ends the session and its private tmux server, and removes the socket
  /// file. Calling it again does nothing.
  ///
  /// The server gets a signal by process ID rather than a `kill-server`
  /// command: a server that does not respond keeps running after a failed
  /// `kill-server`, and the tmux client can wait for it forever. Only when
  /// tmux did not report the ID is `kill-server` sent.
  func kill() {
    guard !isKilled else {
      return
    }
    isKilled = true

    if let serverPID {
      TmuxServerProcess.stop(serverPID, socketName: socketName)
    } else if (try? run(["kill-server"])) == nil {
      for (pid, name) in TmuxServerProcess.servers() where name == socketName {
        TmuxServerProcess.stop(pid, socketName: name)
      }
    }

    // tmux 3.3 leaves the socket file behind when its server ends.
    unlink(socketPath)
    try? FileManager.default.removeItem(at: configurationURL)
  }

  /// Runs the command that starts the tmux server. The server process
  /// forked by it keeps the descriptors it inherits, so its standard output
  /// must not be a pipe that `run` reads to its end: that read would wait
  /// for the server to exit.
  private func startServer(_ arguments: [String]) throws {
    let errorURL = configurationURL.deletingPathExtension().appendingPathExtension("stderr")
    defer { try? FileManager.default.removeItem(at: errorURL) }

    let status = try spawn(arguments, standardOutput: "/dev/null", standardError: errorURL.path)
    guard status == 0 else {
      let message = (try? String(contentsOf: errorURL, encoding: .utf8)) ?? ""
      throw CommandError(arguments: arguments, status: status, standardError: message)
    }
  }

  @discardableResult
  private func run(_ arguments: [String]) throws -> String {
    let outputURL = configurationURL.deletingPathExtension().appendingPathExtension("\(UUID().uuidString).out")
    let errorURL = outputURL.deletingPathExtension().appendingPathExtension("err")
    defer {
      try? FileManager.default.removeItem(at: outputURL)
      try? FileManager.default.removeItem(at: errorURL)
    }

    let status = try spawn(arguments, standardOutput: outputURL.path, standardError: errorURL.path)
    guard status == 0 else {
      let message = (try? String(contentsOf: errorURL, encoding: .utf8)) ?? ""
      throw CommandError(arguments: arguments, status: status, standardError: message)
    }
    return (try? String(contentsOf: outputURL, encoding: .utf8)) ?? ""
  }

  /// Runs tmux with `arguments`, its output in the named files, and returns
  /// its exit status.
  ///
  /// It uses posix_spawn to start the child with no blocked signals. A test
  /// runs on a thread of the concurrency pool, whose mask blocks SIGCHLD,
  /// SIGHUP, SIGINT and SIGTERM, and Foundation's `Process` passes that
  /// mask on (swift-corelibs-foundation with Swift 6.3.1). A tmux server
  /// with that mask never reaps its panes, and its panes never get SIGINT.
  private func spawn(_ arguments: [String], standardOutput: String, standardError: String) throws -> Int32 {
    var fileActions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&fileActions)
    defer { posix_spawn_file_actions_destroy(&fileActions) }
    posix_spawn_file_actions_addopen(&fileActions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&fileActions, 1, standardOutput, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&fileActions, 2, standardError, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var noSignals = sigset_t()
    sigemptyset(&noSignals)
    var allSignals = sigset_t()
    sigfillset(&allSignals)
    posix_spawnattr_setsigmask(&attributes, &noSignals)
    posix_spawnattr_setsigdefault(&attributes, &allSignals)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

    let words = [tmux.path, "-L", socketName, "-f", configurationURL.path] + arguments
    let argv = words.map { strdup($0) } + [nil]
    let environment = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      argv.forEach { free($0) }
      environment.forEach { free($0) }
    }

    var pid = pid_t()
    let spawnError = posix_spawn(&pid, tmux.path, &fileActions, &attributes, argv, environment)
    guard spawnError == 0 else {
      throw CommandError(arguments: arguments, status: -1, standardError: String(cString: strerror(spawnError)))
    }

    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    // WIFEXITED and WEXITSTATUS are macros that Swift does not import.
    let signal = status & 0x7F
    return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
  }

  private static var executableURL: URL? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    return path.split(separator: ":")
      .map { URL(fileURLWithPath: String($0)).appendingPathComponent("tmux") }
      .first { FileManager.default.isExecutableFile(atPath: $0.path) }
  }

  private static func shellQuoted(_ text: String) -> String {
    "'" + text.replacing("'", with: "'\\''") + "'"
  }
}
