/// Runs one command line's words (already split) and returns its exit code;
/// output goes to stdout/stderr by the executor itself.
public protocol ShellExecutor: Sendable {
  /// Runs `words`, such as `["flows", "run", "5f1a…"]`, and returns the
  /// command's exit code.
  func execute(_ words: [String]) async -> Int32

  /// Runs `words` for a line ending in `&`, and returns the exit code with
  /// the output and errors, which must not reach the terminal while a
  /// line is edited.
  func executeInBackground(_ words: [String]) async -> (Int32, String)
}

extension ShellExecutor {
  /// Runs `words` through `execute` inside `ShellTerminal.capture`, which
  /// collects the output of executors that write to a `ShellTerminal`.
  public func executeInBackground(_ words: [String]) async -> (Int32, String) {
    await ShellTerminal.capture { await execute(words) }
  }
}
