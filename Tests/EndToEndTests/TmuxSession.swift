import Foundation

/// A detached tmux session on its own server socket that runs one
/// `celigo` command line in a real terminal, so that prompts can be read
/// from the screen and answered with keystrokes.
final class TmuxSession {
  /// The tmux executable found on PATH, or nil when tmux is not installed.
  static let executable: String? = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    return path.split(separator: ":").map { "\($0)/tmux" }.first {
      FileManager.default.isExecutableFile(atPath: $0)
    }
  }()

  /// True when tmux is installed and `/proc/self/fd` lists descriptors,
  /// which starting the server relies on.
  static var isAvailable: Bool {
    executable != nil && FileManager.default.fileExists(atPath: "/proc/self/fd")
  }

  let socket = "celigo-test-\(UUID().uuidString.prefix(8))"
  let directory: String
  var exitFile: String { directory + "/exit-status" }

  /// Starts `celigo arguments` with `environment` in a 120×30 terminal.
  init(_ arguments: [String], environment: [String: String], directory: String) async throws {
    self.directory = directory
    var script = "cd \(Self.quoted(directory))\n"
    for (name, value) in environment.sorted(by: { $0.key < $1.key }) {
      script += "export \(name)=\(Self.quoted(value))\n"
    }
    script += ([CeligoProcess.binary] + arguments).map(Self.quoted).joined(separator: " ") + "\n"
    // The status goes to a file, and the shell then waits, so the screen
    // stays readable after the command ends.
    script += "echo $? > \(Self.quoted(exitFile))\nexec sleep 600\n"
    let scriptPath = directory + "/tmux-command.sh"
    try script.write(toFile: scriptPath, atomically: true, encoding: .utf8)
    try await tmux(["new-session", "-d", "-x", "120", "-y", "30", "sh \(Self.quoted(scriptPath))"], startsServer: true)
  }

  /// Returns the visible screen, with wrapped lines joined.
  func screen() async throws -> String {
    try await tmux(["capture-pane", "-p", "-J"])
  }

  /// Waits until the screen shows `text`, and returns the screen.
  func waitForScreen(containing text: String) async throws -> String {
    for _ in 0..<200 {
      let current = try await screen()
      if current.contains(text) { return current }
      try await Task.sleep(nanoseconds: 100_000_000)
    }
    throw FixtureError.failed("the terminal never showed '\(text)'; screen:\n\(try await screen())")
  }

  /// Types keys, as tmux names them (for example `y`, `Enter`).
  func send(_ keys: String...) async throws {
    try await tmux(["send-keys"] + keys)
  }

  /// Waits for the command to end and returns its exit status.
  func waitForExit() async throws -> Int32 {
    for _ in 0..<200 {
      if let text = try? String(contentsOfFile: exitFile, encoding: .utf8),
        let status = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
      {
        return status
      }
      try await Task.sleep(nanoseconds: 100_000_000)
    }
    throw FixtureError.failed("the command in tmux never ended; screen:\n\(try await screen())")
  }

  /// Ends the session and its tmux server. The server inherits a signal
  /// mask from Foundation's process launch that blocks the signals
  /// `kill-server` relies on, so the server and the pane's process are
  /// sent SIGKILL, which cannot be blocked, and the socket file removed.
  func close() async {
    let info = (try? await tmux(["display-message", "-p", "#{pid} #{pane_pid} #{socket_path}"])) ?? ""
    let fields = info.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: " ").map(String.init)
    _ = try? await tmux(["kill-server"])
    for pid in fields.prefix(2).compactMap({ Int32($0) }) where pid > 1 {
      kill(pid, SIGKILL)
    }
    if fields.count == 3 { unlink(fields[2]) }
  }

  /// Runs a tmux command. The command that starts the server first closes
  /// every inherited descriptor above 2 and sends its output to /dev/null:
  /// otherwise the daemonized server keeps Foundation's pipes and its
  /// process-monitoring descriptor open, and the run never detects that the
  /// client exited.
  @discardableResult
  private func tmux(_ arguments: [String], startsServer: Bool = false) async throws -> String {
    let environment = [
      "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
      "HOME": directory, "TERM": "xterm-256color",
    ]
    let command = [Self.executable ?? "tmux", "-L", socket, "-f", "/dev/null"] + arguments
    let result =
      startsServer
      ? try await CeligoProcess.run(
        ["-c", Self.closeDescriptorsAndRun, "bash"] + command, environment: environment,
        executable: "/bin/bash")
      : try await CeligoProcess.run(Array(command.dropFirst()), environment: environment, executable: command[0])
    guard result.status == 0 else {
      throw FixtureError.failed("tmux \(arguments.joined(separator: " ")) failed: \(result.stderr)")
    }
    return result.stdout
  }

  /// A bash script that closes descriptors above 2 and runs its arguments
  /// with no input or output. It needs bash because dash cannot name a
  /// descriptor above 9 in a redirection.
  static let closeDescriptorsAndRun =
    #"for fd in /proc/self/fd/*; do n=${fd##*/}; [ "$n" -gt 2 ] && eval "exec $n>&-"; done; "#
    + #"exec "$@" </dev/null >/dev/null 2>&1"#

  /// Quotes a word for sh.
  static func quoted(_ word: String) -> String {
    "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}
