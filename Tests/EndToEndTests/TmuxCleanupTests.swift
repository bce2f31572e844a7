import Foundation
import Testing

/// The cleanup of the tmux servers that terminal tests start: none may be
/// left running, even when it stops responding or its test run ends early.
/// Serialized, because a sweep in one test would end the stale-named
/// server that another test is still starting.
@Suite(.serialized) struct TmuxCleanupTests {
  static let hasProcFileSystem = FileManager.default.fileExists(atPath: "/proc/self")

  @Test(.enabled(if: TmuxSession.isAvailable)) func killEndsServerAndPane() throws {
    let session = try TmuxSession(command: "sleep 60")
    let server = try #require(session.serverPID)
    let pane = try #require(try session.paneProcessID())

    session.kill()

    #expect(!TmuxServerProcess.isRunning(server))
    #expect(!FileManager.default.fileExists(atPath: session.socketPath))
    // The server sends the pane SIGHUP as it exits, so the pane may end
    // a moment later.
    #expect(TmuxServerProcess.waitForExit(pane, timeout: .seconds(5)))
  }

  @Test(.enabled(if: TmuxSession.isAvailable)) func killEndsServerThatDoesNotAnswer() throws {
    let session = try TmuxSession(command: "sleep 60")
    let server = try #require(session.serverPID)
    let pane = try #require(try session.paneProcessID())
    // A stopped server never reads commands or handles SIGTERM, as when
    // its event loop hangs, so only SIGKILL ends it.
    kill(server, SIGSTOP)

    let started = ContinuousClock.now
    session.kill()

    #expect(!TmuxServerProcess.isRunning(server))
    #expect(ContinuousClock.now - started < .seconds(5))
    #expect(!FileManager.default.fileExists(atPath: session.socketPath))
    // The pane loses its terminal with the server and gets SIGHUP.
    #expect(TmuxServerProcess.waitForExit(pane, timeout: .seconds(5)))
  }

  @Test(.enabled(if: TmuxSession.isAvailable && hasProcFileSystem)) func sweepEndsServerOfEndedRun() throws {
    let ended = try Self.endedProcessID()
    let session = try TmuxSession(command: "sleep 60", owner: ended)
    defer { session.kill() }
    let server = try #require(session.serverPID)

    TmuxServerProcess.removeStaleServers()

    #expect(!TmuxServerProcess.isRunning(server))
    #expect(!FileManager.default.fileExists(atPath: session.socketPath))
  }

  @Test(.enabled(if: TmuxSession.isAvailable)) func sweepKeepsServerOfLiveRun() throws {
    let session = try TmuxSession(command: "sleep 60")
    defer { session.kill() }
    let server = try #require(session.serverPID)

    TmuxServerProcess.removeStaleServers()

    #expect(TmuxServerProcess.isRunning(server))
    #expect(FileManager.default.fileExists(atPath: session.socketPath))
  }

  @Test func staleNamesNeedAnEndedOwner() throws {
    let ended = try Self.endedProcessID()

    #expect(TmuxServerProcess.isStale("celigo-\(ended)-0A1B2C3D"))
    #expect(!TmuxServerProcess.isStale("celigo-\(getpid())-0A1B2C3D"))
    #expect(!TmuxServerProcess.isStale("celigo-1-0A1B2C3D"))
    #expect(!TmuxServerProcess.isStale("bgtest"))
    #expect(!TmuxServerProcess.isStale("celigo-x-0A1B2C3D"))
  }

  /// Returns the ID of a process that has ended and been reaped.
  static func endedProcessID() throws -> pid_t {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", "exit 0"]
    try process.run()
    process.waitUntilExit()
    return process.processIdentifier
  }
}
