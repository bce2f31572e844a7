import CeligoKit
import Foundation

/// Commands with a trailing `&`.
extension CommandDispatcher {
  /// Starts `words` as a background command and returns 0, or the exit code
  /// of the error that kept it from starting.
  func startInBackground(_ words: [String], _ jobs: BackgroundJobs) async -> Int32 {
    guard let first = words.first else { return 0 }
    guard ShellBuiltin(rawValue: first) == nil else {
      writeError("&: only celigo commands run in the background, not the shell command '\(first)'\n")
      return 2
    }
    // Handles, names and the context are resolved now, so a mistake shows
    // at once and a later `use` cannot change the command.
    var rewritten = words
    if let workbench {
      do {
        rewritten = try await CommandLineRewriter(vocabulary: vocabulary, workbench: workbench).rewrite(words)
      } catch {
        writeError("celigo: \(ErrorMessage.describe(error))\n")
        return ExitCode.of(error)
      }
    }
    let ellipsis = ShellPrompt.localeIsUTF8() ? "…" : "..."
    let command = BackgroundJobs.displayText(words, ellipsis: ellipsis)
    let executor = self.executor
    let final = rewritten
    let number = jobs.start(command: command) { await executor.executeInBackground(final) }
    writeOutput("[\(number)] started: \(command)\n")
    return 0
  }
}
