import Foundation
import Testing

/// The shell as a workbench, in a real terminal (tmux) on the demo account:
/// ID completion with names, `use` and the prompt, context filling,
/// handles, and Ctrl-C during a slow command.
@Suite(.serialized) struct ShellWorkbenchTests {
  let prompt = "celigo:demo> "

  func startShell(extra: [String: String] = [:]) throws -> (TmuxSession, String) {
    let home = CeligoProcess.scratchHome()
    let environment = CeligoProcess.environment(baseURL: nil, token: nil, home: home, extra: extra)
    // Wide enough that tables show whole flow names.
    let session = try TmuxSession(
      command: "\(CeligoProcess.binary) shell --demo", environment: environment, width: 200)
    return (session, home)
  }

  /// Presses Tab until `text` shows: the ID cache fills in the background
  /// after the first prompt, so the first Tab may find it still empty.
  func tab(until text: String, in session: TmuxSession) async throws -> String {
    for _ in 0..<20 {
      try session.send(keys: "Tab")
      if let screen = try? await session.waitFor(text, timeout: .milliseconds(500)) { return screen }
    }
    return try await session.waitFor(text, timeout: .seconds(1))
  }

  /// Types `line`, presses Enter and waits for `text`.
  func run(
    _ line: String, in session: TmuxSession, until text: String, timeout: Duration = .seconds(10)
  ) async throws -> String {
    try session.send(literal: line)
    try session.send(keys: "Enter")
    return try await session.waitFor(text, timeout: timeout)
  }

  /// Returns the last line of the screen that starts with `prefix`.
  func lastLine(startingWith prefix: String, _ screen: String) -> String {
    screen.split(separator: "\n").map(String.init).last { $0.hasPrefix(prefix) } ?? ""
  }

  @Test(.enabled(if: TmuxSession.isAvailable)) func integrationCompletionAndContext() async throws {
    let (session, home) = try startShell()
    defer {
      session.kill()
      try? FileManager.default.removeItem(atPath: home)
    }
    _ = try await session.waitFor(prompt)

    try session.send(literal: "use integration ")
    let listed = try await tab(until: "  HubSpot - Snowflake", in: session)
    #expect(listed.contains("  Shopify - NetSuite (Sandbox)"))
    #expect(listed.contains("  EDI - Acme Retail (SPS Commerce)"))

    // Two names start with Shop, so both are listed; HubS has one match,
    // and Tab puts its ID in place of the name.
    try session.send(literal: "Shop")
    try session.send(keys: "Tab")
    _ = try await session.waitFor("\(prompt)use integration Shop\n")
    try session.send(literal: "\u{8}\u{8}\u{8}\u{8}HubS")
    try session.send(keys: "Tab")
    let completed = try await session.waitFor("e099ec6cd7363ca585e7bb0f ")
    #expect(lastLine(startingWith: prompt, completed) == prompt + "use integration e099ec6cd7363ca585e7bb0f ")

    try session.send(keys: "Enter")
    let contextPrompt = "celigo:demo HubSpot - Snowflake > "
    _ = try await session.waitFor(contextPrompt)
    let flows = try await run("flows list", in: session, until: "HubSpot Owners to Snowflake")
    #expect(flows.contains("HubSpot Contacts to Snowflake"))
    #expect(!flows.contains("Shopify Order to NetSuite"))
    #expect(!flows.contains("Salesforce Account"))

    try session.send(literal: "flows get ")
    var offered = try await tab(until: "  HubSpot Deals to Snowflake", in: session)
    // The table above also shows the names, so wait for them below the line.
    var offeredBelow = ""
    for _ in 0..<100 {
      offeredBelow = offered.components(separatedBy: contextPrompt + "flows get").dropFirst().joined()
      if offeredBelow.contains("  HubSpot Deals to Snowflake") { break }
      try await Task.sleep(for: .milliseconds(100))
      offered = try session.capture(scrollback: true)
    }
    #expect(offeredBelow.contains("  HubSpot Companies to Snowflake"))
    #expect(!offeredBelow.contains("Shopify"))
  }

  @Test(.enabled(if: TmuxSession.isAvailable)) func flowStepsAndErrorsFromContext() async throws {
    let (session, home) = try startShell()
    defer {
      session.kill()
      try? FileManager.default.removeItem(atPath: home)
    }
    _ = try await session.waitFor(prompt)

    _ = try await run("use integration Shopify - NetSuite", in: session, until: "celigo:demo Shopify - NetSuite > ")
    let flowPrompt = try await run("use flow Shopify Order", in: session, until: "Shopify Order to")
    #expect(lastLine(startingWith: "celigo:demo Shopify - NetSuite", flowPrompt).hasSuffix(" > "))

    try session.send(literal: "errors list --import ")
    let steps = try await tab(until: "  Tag Shopify Order as Synced", in: session)
    let offered = steps.components(separatedBy: "errors list --import").dropFirst().joined()
    #expect(offered.contains("  Create NetSuite Sales Order"))
    #expect(!offered.contains("Create Shopify Fulfillment"))
    #expect(!offered.contains("Merge into"))
    try session.send(keys: "C-u")

    _ = try await run("use import Create NetSuite Sales Order", in: session, until: "Create NetSuite")
    let errors = try await run("errors list", in: session, until: "RETRY DATA KEY")
    #expect(errors.contains("INVALID_FLD_VALUE"))

    _ = try await run("use -", in: session, until: "Create NetSuite Sales Order\n")
    let back = try await run("context", in: session, until: "flow        40d6824e2ef3fc17879e2e22")
    let afterContext = back.components(separatedBy: "> context\n").last ?? ""
    #expect(!afterContext.contains("import      "))
  }

  @Test(.enabled(if: TmuxSession.isAvailable)) func handlesAfterList() async throws {
    let (session, home) = try startShell()
    defer {
      session.kill()
      try? FileManager.default.removeItem(atPath: home)
    }
    _ = try await session.waitFor(prompt)

    _ = try await run("integrations list", in: session, until: "Shopify - NetSuite (Sandbox)")
    let shown = try await run("integrations get $2", in: session, until: "_registeredConnectionIds")
    let nameLine = lastLine(startingWith: "name ", shown)
    #expect(nameLine.hasSuffix(" Salesforce - NetSuite"))
    let idLine = lastLine(startingWith: "_id ", shown)
    #expect(idLine.hasSuffix(" 71bb54d8d101b5b9c34d0bff"))
  }

  @Test(.enabled(if: TmuxSession.isAvailable)) func interruptCancelsSlowCommand() async throws {
    let (session, home) = try startShell(extra: ["CELIGO_DEMO_LATENCY_MS": "10000"])
    defer {
      session.kill()
      try? FileManager.default.removeItem(atPath: home)
    }
    _ = try await session.waitFor(prompt, timeout: .seconds(30))

    try session.send(literal: "tags list")
    try session.send(keys: "Enter")
    // On a loaded machine the shell can take a while to start the command;
    // a Ctrl-C that arrives before would clear the next prompt instead.
    try await Task.sleep(for: .milliseconds(2000))
    try session.send(keys: "C-c")
    let interrupted = try await session.waitFor("celigo: interrupted\n" + prompt, timeout: .seconds(30))
    #expect(!interrupted.contains("TAG ID"))
    #expect(try session.exitStatus() == nil)

    // Each request takes the 10 s latency, so the wait allows for it.
    let listed = try await run("tags list", in: session, until: "TAG ID", timeout: .seconds(40))
    #expect(listed.contains("needs-review"))
  }

  @Test(.enabled(if: TmuxSession.isAvailable)) func interruptedWriteWarns() async throws {
    let (session, home) = try startShell(extra: ["CELIGO_DEMO_LATENCY_MS": "10000"])
    defer {
      session.kill()
      try? FileManager.default.removeItem(atPath: home)
    }
    _ = try await session.waitFor(prompt, timeout: .seconds(30))

    try session.send(literal: "tags create slow-tag")
    try session.send(keys: "Enter")
    try await Task.sleep(for: .milliseconds(2000))
    try session.send(keys: "C-c")
    // The POST has left when Ctrl-C arrives, and the emulator creates the
    // tag once its latency is over, so the shell cannot report that it did not.
    let warned = try await session.waitFor(
      "celigo: interrupted after POST /v1/tags was sent, so it may or may not have taken effect;",
      timeout: .seconds(30))
    #expect(warned.contains("check the state with 'celigo tags list'"))
    #expect(!warned.contains("Created tag"))
    #expect(try session.exitStatus() == nil)
  }
}
