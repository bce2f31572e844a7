import Foundation

@testable import CeligoShell

/// An executor that records the words it gets and returns scripted exit
/// codes: the code for a first word in `codes`, or 0.
actor RecordingExecutor: ShellExecutor {
  private(set) var calls: [[String]] = []
  let codes: [String: Int32]

  init(codes: [String: Int32] = [:]) {
    self.codes = codes
  }

  func execute(_ words: [String]) async -> Int32 {
    calls.append(words)
    return words.first.flatMap { codes[$0] } ?? 0
  }
}

/// Text written by the shell, collected from any thread.
final class TextRecorder: @unchecked Sendable {
  private let lock = NSLock()
  private var storage = ""

  var text: String {
    lock.withLock { storage }
  }

  func write(_ text: String) {
    lock.withLock { storage += text }
  }
}

/// Creates a dispatcher over `executor` that records output and errors.
func makeDispatcher(
  executor: RecordingExecutor, output: TextRecorder = TextRecorder(), errors: TextRecorder = TextRecorder(),
  history: [String] = []
) -> CommandDispatcher {
  CommandDispatcher(
    vocabulary: ShellVocabulary(resources: ["flows", "jobs"], actions: ["flows": ["list", "run"]]),
    executor: executor,
    writeOutput: output.write,
    writeError: errors.write,
    historyEntries: { history })
}

/// A line source that returns `lines` one at a time, then nil.
func lineSource(_ lines: [String]) -> () -> String? {
  var remaining = lines[...]
  return { remaining.popFirst() }
}
