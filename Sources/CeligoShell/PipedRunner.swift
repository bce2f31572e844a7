import Foundation

/// Runs commands read from a pipe or a file: no prompt, no history, and
/// the first failing command ends the run with its exit code.
struct PipedRunner {
  let dispatcher: CommandDispatcher

  /// Returns the next input line without its newline, or nil at the end.
  let readLine: () -> String?

  /// Runs every line and returns 0, the first nonzero exit code, 2 for a
  /// line that cannot be split, or the code an `exit` line gives.
  func run() async -> Int32 {
    var lineNumber = 0
    while let line = readLine() {
      lineNumber += 1
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if trimmed.isEmpty || trimmed.hasPrefix("#") {
        continue
      }

      let words: [String]
      do {
        words = try ShellLineSplitter.split(line)
      } catch {
        dispatcher.writeError("line \(lineNumber): \(error)\n")
        return 2
      }

      switch await dispatcher.run(words) {
      case .exit(let code):
        return code
      case .finished(let code) where code != 0:
        return code
      case .finished:
        continue
      }
    }
    return 0
  }
}
