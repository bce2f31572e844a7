import Foundation
import Testing

@testable import CeligoShell

@Suite struct HistoryPolicyTests {
  @Test func storesOrdinaryLine() {
    #expect(HistoryPolicy.shouldStore("flows list", after: nil))
  }

  @Test(arguments: ["login", "login --profile sandbox", "  login", "'login' x", "login\t--region eu"])
  func skipsLoginLines(line: String) {
    #expect(!HistoryPolicy.shouldStore(line, after: nil))
  }

  @Test func storesLoginAsLaterWord() {
    #expect(HistoryPolicy.shouldStore("help login", after: nil))
    #expect(HistoryPolicy.shouldStore("logins list", after: nil))
  }

  @Test func skipsLoginWithUnterminatedQuote() {
    #expect(!HistoryPolicy.shouldStore("login 'abc", after: nil))
  }

  @Test(arguments: ["", "   ", "\t"])
  func skipsBlankLines(line: String) {
    #expect(!HistoryPolicy.shouldStore(line, after: nil))
  }

  @Test func skipsRepeatOfPreviousLine() {
    #expect(!HistoryPolicy.shouldStore("jobs list", after: "jobs list"))
    #expect(HistoryPolicy.shouldStore("jobs list", after: "flows list"))
  }

  @Test func sessionRecordsFilteredLines() {
    let session = HistorySession(entries: ["flows list"], maxEntries: 10)

    #expect(!session.record("flows list"))
    #expect(!session.record("login"))
    #expect(session.record("jobs list"))
    #expect(session.entries == ["flows list", "jobs list"])
  }

  @Test func sessionKeepsNewestEntries() {
    let session = HistorySession(entries: ["a list", "b list", "c list", "d list"], maxEntries: 3)
    #expect(session.entries == ["b list", "c list", "d list"])

    for index in 0..<10_000 {
      #expect(session.record("tags get \(index)"))
    }
    #expect(session.entries == ["tags get 9997", "tags get 9998", "tags get 9999"])
  }
}

@Suite struct HistoryFileTests {
  let directory: URL

  init() throws {
    directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("celigo-history-\(UUID().uuidString)", isDirectory: true)
  }

  private func permissions(_ url: URL) throws -> Int {
    let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
    return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
  }

  @Test func appendCreatesPrivateFile() throws {
    defer { try? FileManager.default.removeItem(at: directory) }
    let url = directory.appendingPathComponent("celigo/history")
    let file = HistoryFile(url: url, maxEntries: 100)

    try file.append("flows list")
    try file.append("jobs list --status failed")

    #expect(try permissions(url.deletingLastPathComponent()) == 0o700)
    #expect(try permissions(url) == 0o600)
    #expect(try String(contentsOf: url, encoding: .utf8) == "flows list\njobs list --status failed\n")
  }

  @Test func loadReadsEntriesInOrder() throws {
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = HistoryFile(url: directory.appendingPathComponent("history"), maxEntries: 100)

    try file.append("flows list")
    try file.append("jobs list")

    #expect(file.load() == ["flows list", "jobs list"])
  }

  @Test func loadDropsLoginBlankAndRepeats() throws {
    defer { try? FileManager.default.removeItem(at: directory) }
    let url = directory.appendingPathComponent("history")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    try "flows list\nflows list\n\nlogin --profile x\njobs list\n".write(to: url, atomically: true, encoding: .utf8)

    #expect(HistoryFile(url: url, maxEntries: 100).load() == ["flows list", "jobs list"])
  }

  @Test func loadTrimsToMaxEntries() throws {
    defer { try? FileManager.default.removeItem(at: directory) }
    let url = directory.appendingPathComponent("history")
    let file = HistoryFile(url: url, maxEntries: 2)
    for line in ["one", "two", "three"] {
      try file.append(line)
    }

    #expect(file.load() == ["two", "three"])
    #expect(try String(contentsOf: url, encoding: .utf8) == "two\nthree\n")
    #expect(try permissions(url) == 0o600)
  }

  @Test func missingFileLoadsEmpty() {
    let file = HistoryFile(url: directory.appendingPathComponent("none/history"), maxEntries: 10)

    #expect(file.load().isEmpty)
  }
}

@Suite struct DefaultHistoryURLTests {
  @Test func usesXDGStateHome() {
    let url = ShellConfiguration.defaultHistoryURL(environment: ["XDG_STATE_HOME": "/srv/state", "HOME": "/home/ops"])

    #expect(url.path == "/srv/state/celigo/history")
  }

  @Test func fallsBackToHome() {
    let url = ShellConfiguration.defaultHistoryURL(environment: ["HOME": "/home/ops"])

    #expect(url.path == "/home/ops/.local/state/celigo/history")
  }

  @Test func ignoresRelativeXDGStateHome() {
    let url = ShellConfiguration.defaultHistoryURL(environment: ["XDG_STATE_HOME": "state", "HOME": "/home/ops"])

    #expect(url.path == "/home/ops/.local/state/celigo/history")
  }
}
