import CeligoEmulator
import CeligoKit
import Foundation
import Testing

/// The commands that change or delete data: each asks on a terminal,
/// showing what it will touch, rejects a run without `--yes` when no
/// terminal can answer, and says what it did.
@Suite struct ConfirmationTests {
  enum Destructive: String, CaseIterable, Sendable {
    case jobsCancel, errorsResolve, errorsRetryAll, tagsDelete
  }

  /// One destructive command line set up against a fresh emulator.
  struct Prepared {
    let fixture: EmulatorFixture
    let arguments: [String]
    let question: String
    /// The start of the line printed on success.
    let done: String
    let writeMethod: String
    let writePath: String

    var writes: [RecordedRequest] { fixture.requests(writeMethod, writePath) }
  }

  static func prepare(_ command: Destructive) async throws -> Prepared {
    // Slow jobs stay queued long enough to be canceled.
    let fixture = try EmulatorFixture { $0.jobSpeed = 0.001 }
    switch command {
    case .jobsCancel:
      let flow = try #require(
        fixture.emulator.records("flows").first { $0["disabled"] == false }?["_id"]?.stringValue)
      let (run, _) = try await fixture.json(["flows", "run", flow])
      let job = try #require(run["_jobId"]?.stringValue)
      return Prepared(
        fixture: fixture, arguments: ["jobs", "cancel", job],
        question: "Cancel queued flow job \(job) of flow \(flow)?", done: "Canceled job \(job) of flow \(flow)",
        writeMethod: "PUT", writePath: "/v1/jobs/\(job)/cancel")
    case .errorsResolve:
      let step = try #require(openErrorStep(fixture))
      let ids = step.errors.prefix(2).compactMap { $0["errorId"]?.stringValue }
      return Prepared(
        fixture: fixture, arguments: ["errors", "resolve"] + step.options + ["--ids", ids.joined(separator: ",")],
        question: "Resolve 2 errors (\(ids.joined(separator: ", "))) of \(step.name)?",
        done: "Resolved 2 errors of \(step.name)", writeMethod: "PUT", writePath: "\(step.path)/resolved")
    case .errorsRetryAll:
      let step = try #require(openErrorStep(fixture))
      let keys = step.errors.compactMap { $0["retryDataKey"]?.stringValue }
      return Prepared(
        fixture: fixture, arguments: ["errors", "retry"] + step.options + ["--all"],
        question: "Retry all \(keys.count) open errors of \(step.name)?",
        done: "Retrying \(keys.count) errors in retry job ", writeMethod: "POST", writePath: "\(step.path)/retry")
    case .tagsDelete:
      let tag = try #require(fixture.emulator.records("tags").first)
      let id = try #require(tag["_id"]?.stringValue)
      let name = tag["tag"]?.stringValue ?? ""
      return Prepared(
        fixture: fixture, arguments: ["tags", "delete", id], question: "Delete tag \(id) '\(name)'?",
        done: "Deleted tag \(id) '\(name)'", writeMethod: "DELETE", writePath: "/v1/tags/\(id)")
    }
  }

  /// A flow step with at least two open errors that have retry data.
  struct ErrorStep {
    let flow: String
    let kind: String
    let id: String
    let errors: [JSONValue]
    var options: [String] { ["--flow", flow, "--\(kind)", id] }
    var name: String { "\(kind) \(id) of flow \(flow)" }
    var path: String { "/v1/flows/\(flow)/\(id)" }
  }

  static func openErrorStep(_ fixture: EmulatorFixture) -> ErrorStep? {
    for flow in fixture.emulator.records("flows") {
      guard let flowId = flow["_id"]?.stringValue else { continue }
      let imports = (flow["pageProcessors"]?.arrayValue ?? []).compactMap { $0["_importId"]?.stringValue }
      let exports = (flow["pageGenerators"]?.arrayValue ?? []).compactMap { $0["_exportId"]?.stringValue }
      let steps = imports.map { ("import", $0) } + exports.map { ("export", $0) }
      for (kind, id) in steps {
        let errors = fixture.emulator.openErrors(flowId: flowId, stepId: id)
        if errors.count >= 2, errors.allSatisfy({ $0["retryDataKey"]?.stringValue != nil }) {
          return ErrorStep(flow: flowId, kind: kind, id: id, errors: errors)
        }
      }
    }
    return nil
  }

  @Test(arguments: Destructive.allCases)
  func withoutTerminalRejected(_ command: Destructive) async throws {
    let prepared = try await Self.prepare(command)
    let result = try await prepared.fixture.run(prepared.arguments)
    #expect(result.status == 2)
    #expect(
      result.stderr
        == "celigo: \(prepared.question.dropLast()): confirmation needed, but no terminal can answer;"
        + " add --yes to proceed\n")
    #expect(result.stdout.isEmpty)
    #expect(prepared.writes.isEmpty)
  }

  @Test(arguments: Destructive.allCases)
  func withYesProceeds(_ command: Destructive) async throws {
    let prepared = try await Self.prepare(command)
    let result = try await prepared.fixture.run(prepared.arguments + ["--yes"])
    #expect(result.status == 0)
    #expect(result.stdout.hasPrefix(prepared.done))
    #expect(!result.stderr.contains(prepared.question))
    #expect(prepared.writes.count == 1)
    #expect(prepared.writes.first?.status ?? 0 < 300)
  }

  @Test(.enabled(if: TmuxSession.isAvailable), arguments: Destructive.allCases)
  func terminalAnswerYes(_ command: Destructive) async throws {
    let prepared = try await Self.prepare(command)
    try await Self.inTerminal(prepared) { session in
      _ = try await session.waitForScreen(containing: prepared.question + " [y/N]")
      #expect(prepared.writes.isEmpty)
      try await session.send("y", "Enter")
      let status = try await session.waitForExit()
      #expect(status == 0)
      #expect(try session.screen().contains(prepared.done))
      #expect(prepared.writes.count == 1)
    }
  }

  @Test(.enabled(if: TmuxSession.isAvailable), arguments: Destructive.allCases)
  func terminalAnswerNo(_ command: Destructive) async throws {
    let prepared = try await Self.prepare(command)
    try await Self.inTerminal(prepared) { session in
      _ = try await session.waitForScreen(containing: prepared.question + " [y/N]")
      try await session.send("n", "Enter")
      let status = try await session.waitForExit()
      #expect(status == 2)
      let screen = try session.screen()
      #expect(screen.contains("celigo: canceled: nothing was changed"))
      #expect(!screen.contains(prepared.done))
      #expect(prepared.writes.isEmpty)
    }
  }

  @Test(.enabled(if: TmuxSession.isAvailable), arguments: Destructive.allCases)
  func terminalCtrlCCancels(_ command: Destructive) async throws {
    let prepared = try await Self.prepare(command)
    try await Self.inTerminal(prepared) { session in
      _ = try await session.waitForScreen(containing: prepared.question + " [y/N]")
      try await session.send("C-c")
      let status = try await session.waitForExit()
      #expect(status == 130)
      let screen = try session.screen()
      #expect(screen.contains("[y/N] ^C\nceligo: canceled: nothing was changed\n"))
      #expect(!screen.contains(prepared.done))
      #expect(prepared.writes.isEmpty)
    }
    if command == .tagsDelete {
      let tag = try await prepared.fixture.fetch(prepared.writePath)
      #expect(tag?["_id"]?.stringValue == prepared.arguments.last)
    }
  }

  @Test(.enabled(if: TmuxSession.isAvailable))
  func shellCtrlCCancels() async throws {
    let prepared = try await Self.prepare(.tagsDelete)
    let session = try TmuxSession(
      command: CommandTerminal.quoted(CeligoProcess.binary) + " shell", environment: prepared.fixture.environment,
      width: 120, height: 30)
    defer { session.kill() }
    let prompt = "celigo:default> "
    _ = try await session.waitFor(prompt)
    try session.send(literal: prepared.arguments.joined(separator: " "))
    try session.send(keys: "Enter")
    _ = try await session.waitFor(prepared.question + " [y/N]")
    try session.send(keys: "C-c")
    // The shell answers no at once and prompts again, with no line typed.
    let screen = try await session.waitFor("[y/N] ^C\nceligo: canceled: nothing was changed\n" + prompt)
    #expect(!screen.contains(prepared.done))
    #expect(prepared.writes.isEmpty)
    let tag = try await prepared.fixture.fetch(prepared.writePath)
    #expect(tag?["_id"]?.stringValue == prepared.arguments.last)
  }

  /// Runs the prepared command in tmux and ends the tmux server afterwards.
  static func inTerminal(_ prepared: Prepared, _ body: (CommandTerminal) async throws -> Void) async throws {
    // The exit status goes to a file: tmux 3.3 can report a dead pane with
    // an empty status. Bash runs the line because it goes on to write the
    // status after a command that handled Ctrl-C, where dash ends as well.
    let statusFile = prepared.fixture.home + "/exit-status"
    let line = ([CeligoProcess.binary] + prepared.arguments).map(CommandTerminal.quoted).joined(separator: " ")
      + "; echo $? > " + CommandTerminal.quoted(statusFile)
    let command = "bash -c " + CommandTerminal.quoted(line)
    let session = try TmuxSession(command: command, environment: prepared.fixture.environment, width: 120, height: 30)
    defer { session.kill() }
    try await body(CommandTerminal(session: session, statusFile: statusFile))
  }
}

/// The few terminal steps the confirmation tests take, on a tmux session.
struct CommandTerminal {
  let session: TmuxSession
  let statusFile: String

  func waitForScreen(containing text: String) async throws -> String {
    try await session.waitFor(text, timeout: .seconds(30))
  }

  func send(_ keys: String...) async throws {
    for key in keys { try session.send(keys: key) }
  }

  func screen() throws -> String {
    try session.capture(scrollback: true)
  }

  /// Waits until the command has ended and returns its exit status.
  func waitForExit() async throws -> Int32 {
    for _ in 0..<600 {
      let text = (try? String(contentsOfFile: statusFile, encoding: .utf8)) ?? ""
      if let status = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) { return status }
      try await Task.sleep(for: .milliseconds(50))
    }
    throw FixtureError.failed("the command did not end within 30 s; screen:\n" + ((try? screen()) ?? ""))
  }

  static func quoted(_ word: String) -> String {
    "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}
