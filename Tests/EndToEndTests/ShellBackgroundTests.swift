import Foundation
import Testing

/// Background commands (`COMMAND &`) in a real terminal (tmux) on the demo
/// account: the prompt returns at once, `jobs` lists the command, and its
/// notice appears above the prompt without breaking the line being typed.
@Suite(.serialized) struct ShellBackgroundTests {
  let prompt = "celigo:demo> "
  /// "Shopify Order to NetSuite Sales Order": completes with record errors, exit 10.
  let shopifyFlow = "40d6824e2ef3fc17879e2e22"
  /// "HubSpot Deals to Snowflake": fails, exit 11.
  let hubSpotFlow = "7a2d99b9da6574703782f608"

  /// Starts the demo shell. Job speed 0.5 makes a run take about 8 s, which
  /// is long enough to type while it runs.
  func startShell(width: Int = 160) throws -> (TmuxSession, String) {
    let home = CeligoProcess.scratchHome()
    let environment = CeligoProcess.environment(
      baseURL: nil, token: nil, home: home, extra: ["CELIGO_DEMO_JOB_SPEED": "0.5"])
    let session = try TmuxSession(
      command: "\(CeligoProcess.binary) shell --demo; echo shell exited with $?", environment: environment,
      width: width)
    return (session, home)
  }

  /// Returns the screen's lines without the blank rows below the last text.
  func lines(_ screen: String) -> [String] {
    var rows = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    while let last = rows.last, last.trimmingCharacters(in: .whitespaces).isEmpty {
      rows.removeLast()
    }
    return rows
  }

  @Test(.enabled(if: TmuxSession.isAvailable)) func noticeKeepsHalfTypedLine() async throws {
    let (session, home) = try startShell()
    defer {
      session.kill()
      try? FileManager.default.removeItem(atPath: home)
    }
    _ = try await session.waitFor(prompt)

    try session.send(literal: "flows run \(shopifyFlow) --wait &")
    try session.send(keys: "Enter")
    let started = try await session.waitFor("[1] started: flows run 40d6… --wait\n\(prompt)")
    #expect(!started.contains("[1] done"))

    try session.send(literal: "jobs")
    try session.send(keys: "Enter")
    let listed = try await session.waitFor("[1] running ")
    #expect(listed.contains(": flows run 40d6… --wait\n\(prompt)"))

    // Typed while the run goes on: the notice must come above this line.
    try session.send(literal: "integrations li")
    let notice = "[1] done (exit 10): flows run 40d6… --wait"
    let screen = try await session.waitFor(notice, timeout: .seconds(60))
    let rows = lines(screen)
    #expect(rows.last == prompt + "integrations li")
    #expect(rows.dropLast().last == notice)
    // The run's own output comes with the notice, one line per change.
    #expect(screen.contains("completed with 2 record errors"))
    #expect(!screen.contains("\u{1B}["))

    // Tab completes at the cursor, so libedit still contains the whole line.
    try session.send(keys: "Tab")
    let completed = try await session.waitFor(prompt + "integrations list ")
    #expect(lines(completed).last == prompt + "integrations list ")
    try session.send(keys: "Enter")
    let integrations = try await session.waitFor("Shopify - NetSuite (Sandbox)")
    #expect(integrations.contains("HubSpot - Snowflake"))
  }

  @Test(.enabled(if: TmuxSession.isAvailable)) func noticeAboveWrappedLine() async throws {
    let (session, home) = try startShell(width: 60)
    defer {
      session.kill()
      try? FileManager.default.removeItem(atPath: home)
    }
    _ = try await session.waitFor(prompt)

    try session.send(literal: "flows run \(hubSpotFlow) --wait&")
    try session.send(keys: "Enter")
    _ = try await session.waitFor("[1] started: flows run 7a2d… --wait\n\(prompt)")

    // 13 prompt columns and 49 typed ones wrap onto a second row.
    let typed = "flows list --integration e099ec6cd7363ca585e7bb0f"
    try session.send(literal: typed)
    let notice = "[1] done (exit 11): flows run 7a2d… --wait"
    let screen = try await session.waitFor(notice, timeout: .seconds(60))
    let rows = lines(screen)
    #expect(rows.suffix(2).joined() == prompt + typed)
    #expect(rows.dropLast(2).last == notice)
    // No copy of the half line is left above the notice.
    #expect(!rows.dropLast(2).contains { $0.contains("--integration") })
  }

  @Test(.enabled(if: TmuxSession.isAvailable)) func exitWarnsWhileCommandRuns() async throws {
    let (session, home) = try startShell()
    defer {
      session.kill()
      try? FileManager.default.removeItem(atPath: home)
    }
    _ = try await session.waitFor(prompt)

    try session.send(literal: "flows run \(shopifyFlow) --wait &")
    try session.send(keys: "Enter")
    _ = try await session.waitFor("[1] started:")
    try session.send(keys: "C-d")
    let warned = try await session.waitFor("1 background command is still running")
    #expect(warned.contains("exit again to stop it"))
    #expect(!warned.contains("shell exited"))

    try session.send(literal: "exit")
    try session.send(keys: "Enter")
    _ = try await session.waitFor("shell exited with 0")
  }
}
