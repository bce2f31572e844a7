import Foundation

/// Stops the private tmux servers that `TmuxSession` starts, by process ID,
/// and removes the ones that earlier test runs left behind.
///
/// Servers are named `celigo-<test process ID>-<suffix>` (the `-L` socket
/// name), so a server whose test process has ended is known to be stale.
/// Finding servers by command line reads `/proc` and so works on Linux
/// only; elsewhere only the server ID recorded at start is used.
enum TmuxServerProcess {
  /// The prefix of every socket name `TmuxSession` makes.
  static let socketPrefix = "celigo-"

  /// How long a server gets to exit after SIGTERM before SIGKILL. tmux
  /// 3.3 exits within milliseconds when its event loop runs, so only a
  /// wedged server waits this long.
  static let termGracePeriod: Duration = .seconds(1)

  /// The directory tmux puts sockets in: `$TMUX_TMPDIR/tmux-<uid>`, or
  /// `/tmp/tmux-<uid>`.
  static var socketDirectory: String {
    let base = ProcessInfo.processInfo.environment["TMUX_TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
    return (base as NSString).appendingPathComponent("tmux-\(getuid())")
  }

  /// Ends the server with SIGTERM, which tmux handles as it handles
  /// `kill-server` (its panes get SIGHUP), then SIGKILL if it is still
  /// running after `termGracePeriod`. `socketName` guards against a
  /// reused process ID, so a process that is not that server is left alone.
  static func stop(_ pid: pid_t, socketName: String) {
    guard pid > 1, isServer(pid, socketName: socketName) else {
      return
    }
    kill(pid, SIGTERM)
    guard !waitForExit(pid, timeout: termGracePeriod) else {
      return
    }
    kill(pid, SIGKILL)
    _ = waitForExit(pid, timeout: .seconds(1))
  }

  /// Polls every millisecond until the process has ended. Returns false
  /// if it still runs after `timeout`.
  static func waitForExit(_ pid: pid_t, timeout: Duration) -> Bool {
    let deadline = ContinuousClock.now + timeout
    while isRunning(pid) {
      guard ContinuousClock.now < deadline else {
        return false
      }
      usleep(1_000)
    }
    return true
  }

  /// Runs `removeStaleServers` once per test process, before the first
  /// session starts.
  static let staleServersRemoved: Void = removeStaleServers()

  /// Stops the servers of test processes that have ended, such as a run
  /// stopped with Ctrl-C, and removes their socket and configuration files.
  static func removeStaleServers() {
    for (pid, socketName) in servers() where isStale(socketName) {
      stop(pid, socketName: socketName)
    }

    let sockets = socketDirectory
    let socketNames = (try? FileManager.default.contentsOfDirectory(atPath: sockets)) ?? []
    for name in socketNames where isStale(name) {
      unlink((sockets as NSString).appendingPathComponent(name))
    }

    // `celigo-<pid>-<suffix>.tmux.conf`, and the output files next to it.
    let temporary = FileManager.default.temporaryDirectory
    let fileNames = (try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) ?? []
    for name in fileNames where name.hasPrefix(socketPrefix) {
      guard let stem = name.split(separator: ".").first, stem.count < name.count, isStale(String(stem)) else {
        continue
      }
      try? FileManager.default.removeItem(at: temporary.appendingPathComponent(name))
    }
  }

  /// True when `socketName` is one of ours and its test process has ended.
  static func isStale(_ socketName: String) -> Bool {
    guard socketName.hasPrefix(socketPrefix) else {
      return false
    }
    let fields = socketName.dropFirst(socketPrefix.count).split(separator: "-")
    guard fields.count == 2, let owner = pid_t(fields[0]), owner > 1 else {
      return false
    }
    return owner != getpid() && !isRunning(owner)
  }

  /// True while the process exists and is not a zombie. An ended tmux
  /// server is reparented to init and stays a zombie until init reaps it.
  static func isRunning(_ pid: pid_t) -> Bool {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else {
      // No /proc entry: the process is gone on Linux, or this system has
      // no /proc and only kill(2) can tell.
      return !FileManager.default.fileExists(atPath: "/proc/self") && kill(pid, 0) == 0
    }
    // The state follows the command name, which is in parentheses and may
    // contain spaces: "1234 (tmux: server) S 1 …".
    guard let close = stat.lastIndex(of: ")") else {
      return true
    }
    let state = stat[stat.index(after: close)...].drop { $0 == " " }.first
    return state != "Z" && state != "X"
  }

  /// True when the process is a tmux server started with `-L socketName`.
  /// Without /proc there is nothing to check, so it returns true.
  static func isServer(_ pid: pid_t, socketName: String) -> Bool {
    guard FileManager.default.fileExists(atPath: "/proc/self") else {
      return true
    }
    return arguments(of: pid).map { socketNameArgument(in: $0) == socketName } ?? false
  }

  /// Returns the process ID and socket name of each running tmux server
  /// whose socket name starts with `socketPrefix`.
  static func servers() -> [(pid_t, String)] {
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
    return entries.compactMap { entry in
      guard let pid = pid_t(entry), let words = arguments(of: pid),
        let socketName = socketNameArgument(in: words), socketName.hasPrefix(socketPrefix)
      else {
        return nil
      }
      return (pid, socketName)
    }
  }

  /// Returns the command line of a tmux server process, or nil for any
  /// other process. tmux renames its server process "tmux: server" but
  /// keeps the arguments it was started with.
  static func arguments(of pid: pid_t) -> [String]? {
    guard let name = try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8),
      name.trimmingCharacters(in: .newlines) == "tmux: server",
      let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline")
    else {
      return nil
    }
    return data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
  }

  /// Returns the value of `-L` in a tmux command line.
  static func socketNameArgument(in words: [String]) -> String? {
    guard let index = words.firstIndex(of: "-L"), index + 1 < words.count else {
      return nil
    }
    return words[index + 1]
  }
}
