import Foundation
import Testing

/// The interactive shell in a real terminal (tmux): completion, history,
/// Ctrl-C and Ctrl-D, and the terminal settings after exit.
@Suite(.serialized) struct ShellTerminalTests {
  /// Runs `celigo shell --demo` between two `stty -a` snapshots, so a test
  /// can compare the terminal settings before and after the shell.
  func startShell(home: String) throws -> TmuxSession {
    let command = "stty -a > \(home)/stty-before; \(CeligoProcess.binary) shell --demo;"
      + " echo \"shell exited with $?\"; stty -a > \(home)/stty-after"
    let environment = CeligoProcess.environment(baseURL: nil, token: nil, home: home)
    return try TmuxSession(command: "sh -c '\(command)'", environment: environment)
  }

  @Test(.enabled(if: TmuxSession.isAvailable)) func completionHistoryAndKeys() async throws {
    let home = CeligoProcess.scratchHome()
    let session = try startShell(home: home)
    defer { session.kill() }
    let prompt = "celigo:demo> "
    _ = try await session.waitFor(prompt)

    try session.send(literal: "fl")
    try session.send(keys: "Tab")
    _ = try await session.waitFor(prompt + "flows ")
    try session.send(literal: "r")
    try session.send(keys: "Tab")
    _ = try await session.waitFor(prompt + "flows run ")

    // Ctrl-C drops the half-typed line and gives a fresh prompt.
    try session.send(keys: "C-c")
    try await Task.sleep(for: .milliseconds(300))
    try session.send(literal: "integrations list")
    try session.send(keys: "Enter")
    let listed = try await session.waitFor("Shopify - NetSuite (Sandbox)")
    #expect(listed.contains(prompt + "flows run \n" + prompt + "integrations list\nID "))

    // The prompt after the table's last row, which ends in a timestamp:
    // libedit draws it after it puts the terminal in raw mode, so Up is
    // read as a key and not echoed as "^[[A".
    _ = try await session.waitFor("Z\n" + prompt)
    try session.send(keys: "Up")
    var lastLine = ""
    for _ in 0..<50 where lastLine != prompt + "integrations list" {
      try await Task.sleep(for: .milliseconds(100))
      let recalled = try session.capture()
      lastLine = (recalled.split(separator: "\n").last.map(String.init) ?? "").trimmingCharacters(in: .whitespaces)
    }
    #expect(lastLine == prompt + "integrations list")
    try session.send(keys: "C-u")
    try session.send(keys: "C-d")
    _ = try await session.waitFor("shell exited with 0", timeout: .seconds(10))
    for _ in 0..<50 where !FileManager.default.fileExists(atPath: home + "/stty-after") {
      try await Task.sleep(for: .milliseconds(100))
    }
    let before = try String(contentsOfFile: home + "/stty-before", encoding: .utf8)
    let after = try String(contentsOfFile: home + "/stty-after", encoding: .utf8)
    #expect(before == after)

    // The history file keeps the line for the next shell.
    let history = try String(contentsOfFile: home + "/.local/state/celigo/history", encoding: .utf8)
    #expect(history.contains("integrations list"))
    let again = try startShell(home: home)
    defer { again.kill() }
    _ = try await again.waitFor(prompt)
    try again.send(keys: "Up")
    let restored = try await again.waitFor(prompt + "integrations list")
    #expect(restored.contains(prompt + "integrations list"))
  }

  @Test func pipedInputStopsAtFirstFailure() async throws {
    let home = CeligoProcess.scratchHome()
    let environment = CeligoProcess.environment(baseURL: nil, token: nil, home: home)
    let input = "integrations list --format json\n# a comment\n\nflows get 0123456789abcdef01234567\nintegrations list\n"
    let result = try await CeligoProcess.run(["shell", "--demo"], environment: environment, input: input)
    #expect(result.status == 4)
    #expect(result.stderr == "celigo: flow 0123456789abcdef01234567 not found (404): check the ID with 'celigo flows list'\n")
    #expect(result.stdout.hasPrefix("[\n  {\n    \"_id\": "))
    #expect(result.stdout.components(separatedBy: "\"_id\"").count - 1 == 5)
    #expect(!FileManager.default.fileExists(atPath: home + "/.local/state/celigo/history"))
  }

  @Test func demoShellRefusesLogin() async throws {
    let home = CeligoProcess.scratchHome()
    let environment = CeligoProcess.environment(baseURL: nil, token: nil, home: home)
    let result = try await CeligoProcess.run(["shell", "--demo"], environment: environment, input: "login\n")
    #expect(result.status == 2)
    #expect(result.stderr.hasPrefix("celigo: login is not available in the demo shell"))
    #expect(!FileManager.default.fileExists(atPath: home + "/.config/celigo/config.json"))
  }

  @Test func pastedCeligoPrefixIsDropped() async throws {
    let home = CeligoProcess.scratchHome()
    let environment = CeligoProcess.environment(baseURL: nil, token: nil, home: home)
    let result = try await CeligoProcess.run(
      ["shell", "--demo"], environment: environment, input: "celigo tags list --format json\n")
    #expect(result.status == 0)
    #expect(result.stdout.contains("\"tag\": \"needs-review\""))
    #expect(result.stderr.isEmpty)
  }
}
