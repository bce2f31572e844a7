import CeligoKit
import Foundation
import Testing

/// The examples of `--help` use IDs of the demo account, so each read-only
/// one must work as typed against a fresh emulator. The examples run one at
/// a time, so that sixty emulators and processes do not start at once and
/// slow the timing tests of other suites on a small machine.
@Suite(.serialized) struct HelpExampleTests {
  /// Actions that change data or start runs, so their examples may work
  /// only once on a fresh account.
  static let writeActions: Set<String> = [
    "create", "delete", "cancel", "resolve", "retry", "run", "update", "update-retry-data", "assign",
    "integration-assign",
  ]

  /// The examples of every API command and of `celigo --help`, less those
  /// of write actions.
  static let readOnlyExamples: [String] = {
    let apiSpecs = Catalog.commands.filter { spec in
      if case .api = spec.run { return true }
      return false
    }
    let commandExamples = apiSpecs.filter { !writeActions.contains($0.action ?? "") }.flatMap(\.examples)
    return commandExamples + topLevelExamples().filter(isReadOnly)
  }()

  /// Returns the example lines of `celigo --help`, without their comments.
  static func topLevelExamples() -> [String] {
    let lines = Help.topLevel(Catalog.commands).split(separator: "\n", omittingEmptySubsequences: false)
    guard let start = lines.firstIndex(of: "Examples:") else { return [] }
    let block = lines[(start + 1)...].prefix { !$0.isEmpty }
    return block.map { line in
      let command = line.trimmingCharacters(in: .whitespaces)
      return command.components(separatedBy: "  ").first ?? command
    }
  }

  /// True for an example of an API command that is not a write action.
  static func isReadOnly(_ example: String) -> Bool {
    let words = example.split(separator: " ").map(String.init)
    guard words.count > 1, words[0] == "celigo" else { return false }
    let resource = words[1]
    let action = words.count > 2 ? words[2] : nil
    let spec = Catalog.commands.first { $0.resource == resource && ($0.action == nil || $0.action == action) }
    guard let spec, case .api = spec.run else { return false }
    return !writeActions.contains(spec.action ?? "")
  }

  @Test func examplesCovered() {
    #expect(Self.readOnlyExamples.count > 50)
    #expect(Self.readOnlyExamples.contains { $0.hasPrefix("celigo errors list --flow ") && $0.contains("--import") })
    #expect(Self.readOnlyExamples.contains { $0.hasPrefix("celigo errors tags ") })
    #expect(Self.readOnlyExamples.contains { $0.hasPrefix("celigo jobs watch ") })
    #expect(Self.readOnlyExamples.contains { $0.hasPrefix("celigo jobs list --flow ") && $0.hasSuffix("--status failed") })
    #expect(!Self.readOnlyExamples.contains { $0.hasPrefix("celigo flows run ") })
  }

  @Test(arguments: readOnlyExamples)
  func exampleSucceedsOnDemo(_ example: String) async throws {
    let fixture = try EmulatorFixture()
    // The examples are shell command lines, with quotes, so `sh` runs them,
    // with the built binary first on PATH.
    let binaryDirectory = (CeligoProcess.binary as NSString).deletingLastPathComponent
    var environment = fixture.environment
    environment["PATH"] = binaryDirectory + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
    let result = try await CeligoProcess.run(
      ["-c", example], environment: environment, executable: "/bin/sh")
    // `health` exits 10 with a message when something needs attention,
    // which the demo account's failed jobs and open errors always do.
    if example.hasPrefix("celigo health") {
      #expect(result.status == ExitCode.completedWithErrors, "\(example)\n\(result.stderr)")
      #expect(result.stderr.contains("celigo: the account needs attention"), "\(example)\n\(result.stderr)")
    } else {
      #expect(result.status == ExitCode.success, "\(example)\n\(result.stderr)")
      #expect(!result.stderr.contains("celigo: "), "\(example)\n\(result.stderr)")
    }
  }
}
