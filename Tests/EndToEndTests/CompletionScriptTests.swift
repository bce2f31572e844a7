import CeligoKit
import Foundation
import Testing

/// The committed bash, zsh and fish scripts, driven with real Tab presses
/// in real shells under tmux, and the install target.
@Suite(.serialized) struct CompletionScriptTests {
  static let completions = CeligoProcess.packageRoot.appendingPathComponent("completions").path
  static let binDirectory = URL(fileURLWithPath: CeligoProcess.binary).deletingLastPathComponent().path

  static func installed(_ shell: String) -> Bool {
    ["/usr/bin/", "/bin/", "/usr/local/bin/"].contains { FileManager.default.isExecutableFile(atPath: $0 + shell) }
  }

  @Test func committedScriptsMatchTheBinary() async throws {
    let home = CeligoProcess.scratchHome()
    let environment = CeligoProcess.environment(baseURL: nil, token: nil, home: home)
    for (shell, file) in [("bash", "celigo.bash"), ("zsh", "_celigo"), ("fish", "celigo.fish")] {
      let result = try await CeligoProcess.run(["completions", shell], environment: environment)
      let committed = try String(contentsOfFile: Self.completions + "/" + file, encoding: .utf8)
      #expect(result.stdout == committed, "completions/\(file) differs from 'celigo completions \(shell)': regenerate it")
    }
  }

  @Test func noCacheOffersNoIDs() async throws {
    let home = CeligoProcess.scratchHome()
    let environment = CeligoProcess.environment(baseURL: nil, token: nil, home: home)
    let result = try await CeligoProcess.run(["__complete", "bash", "--", "flows", "get", ""], environment: environment)
    #expect(result.status == 0)
    #expect(result.stdout == "")
    #expect(result.stderr == "")
  }

  /// Starts an interactive shell that has loaded the script, with the
  /// debug binary on PATH and a cache filled by `celigo flows list`.
  func startShell(_ shell: String, home: String) throws -> (TmuxSession, String) {
    let path = "\(Self.binDirectory):/usr/local/bin:/usr/bin:/bin"
    var environment = CeligoProcess.environment(baseURL: nil, token: nil, home: home)
    environment["PATH"] = path
    switch shell {
    case "bash":
      environment["PS1"] = "bash$ "
      let session = try TmuxSession(
        command: "bash --norc --noprofile -i", environment: environment, width: 200, height: 50)
      try session.send(literal: "source \(Self.completions)/celigo.bash; bind 'set show-all-if-ambiguous on'")
      try session.send(keys: "Enter")
      return (session, "bash$ ")
    case "zsh":
      let session = try TmuxSession(command: "zsh -f -i", environment: environment, width: 200, height: 50)
      try session.send(
        literal: "PROMPT='zsh%% '; fpath=(\(Self.completions) $fpath); autoload -Uz compinit; compinit -u")
      try session.send(keys: "Enter")
      return (session, "zsh% ")
    default:
      let session = try TmuxSession(
        command: "fish --no-config -C 'function fish_prompt; echo \"fish> \"; end; source \(Self.completions)/celigo.fish'",
        environment: environment, width: 200, height: 50)
      return (session, "fish> ")
    }
  }

  func checkShell(_ shell: String) async throws {
    let fixture = try EmulatorFixture()
    let listed = try await fixture.run(["flows", "list"])
    #expect(listed.status == 0)
    let flow = fixture.emulator.records("flows").first
    let flowId = flow?["_id"]?.stringValue ?? "missing"
    let flowName = flow?["name"]?.stringValue ?? "missing"

    let (session, prompt) = try startShell(shell, home: fixture.home)
    defer { session.kill() }
    _ = try await session.waitFor(prompt, timeout: .seconds(30))

    try session.send(literal: "celigo fl")
    try session.send(keys: "Tab")
    _ = try await session.waitFor(prompt + "celigo flows ", timeout: .seconds(30))
    try session.send(keys: "Tab")
    _ = try await session.waitFor("last-export-datetime", timeout: .seconds(30))
    try await clearLine(session, prompt)

    try session.send(literal: "celigo jobs list --status ")
    try session.send(keys: "Tab")
    let statuses = try await session.waitFor("canceling", timeout: .seconds(30))
    #expect(statuses.contains("queued"))
    try await clearLine(session, prompt)

    try session.send(literal: "celigo flows get ")
    try session.send(keys: "Tab")
    let ids = try await session.waitFor(flowId, timeout: .seconds(30))
    if shell != "bash" {
      #expect(ids.contains(flowName))
    }
  }

  /// Drops the typed line and waits until the shell shows an empty prompt,
  /// so the next keys cannot join a line the shell is still completing.
  func clearLine(_ session: TmuxSession, _ prompt: String) async throws {
    try await Task.sleep(for: .milliseconds(300))
    try session.send(keys: "C-c")
    try await Task.sleep(for: .milliseconds(300))
    try session.send(keys: "C-u")
    for _ in 0..<100 {
      let last = try session.capture().split(separator: "\n", omittingEmptySubsequences: true).last ?? ""
      if last.trimmingCharacters(in: .whitespaces) == prompt.trimmingCharacters(in: .whitespaces) { return }
      try await Task.sleep(for: .milliseconds(100))
    }
  }

  @Test(.enabled(if: TmuxSession.isAvailable && installed("bash"))) func bashCompletes() async throws {
    try await checkShell("bash")
  }

  @Test(.enabled(if: TmuxSession.isAvailable && installed("zsh"))) func zshCompletes() async throws {
    try await checkShell("zsh")
  }

  @Test(.enabled(if: TmuxSession.isAvailable && installed("fish"))) func fishCompletes() async throws {
    try await checkShell("fish")
  }

  @Test func installPutsFilesInPlace() async throws {
    let prefix = CeligoProcess.scratchHome()
    let make = Process()
    make.executableURL = URL(fileURLWithPath: "/usr/bin/make")
    make.arguments = ["-s", "-C", CeligoProcess.packageRoot.path, "install", "PREFIX=\(prefix)", "BINARY=\(CeligoProcess.binary)"]
    try make.run()
    while make.isRunning { try await Task.sleep(for: .milliseconds(50)) }
    #expect(make.terminationStatus == 0)
    for file in [
      "bin/celigo", "share/bash-completion/completions/celigo", "share/zsh/site-functions/_celigo",
      "share/fish/vendor_completions.d/celigo.fish",
    ] {
      #expect(FileManager.default.fileExists(atPath: prefix + "/" + file), "\(file) not installed")
    }
    #expect(FileManager.default.isExecutableFile(atPath: prefix + "/bin/celigo"))
  }
}
