/// Runs one command line's words (already split) and returns its exit code;
/// output goes to stdout/stderr by the executor itself.
public protocol ShellExecutor: Sendable {
  /// Runs `words`, such as `["flows", "run", "5f1a…"]`, and returns the
  /// command's exit code.
  func execute(_ words: [String]) async -> Int32
}
