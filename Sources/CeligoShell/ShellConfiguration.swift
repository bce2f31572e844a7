import Foundation

/// Settings of one shell session.
public struct ShellConfiguration: Sendable {
  /// File that keeps the entered lines between sessions.
  public var historyURL: URL

  /// Text shown before each line; called again for every line. Wrap
  /// terminal escape sequences (colours) in `\u{1}` so they take no width.
  public var prompt: @Sendable () -> String

  /// Maximum number of lines kept in memory and in the history file.
  public var maxHistoryEntries: Int

  /// Creates a configuration.
  public init(
    historyURL: URL,
    prompt: @escaping @Sendable () -> String = { "celigo> " },
    maxHistoryEntries: Int = 1000
  ) {
    self.historyURL = historyURL
    self.prompt = prompt
    self.maxHistoryEntries = maxHistoryEntries
  }

  /// Returns `${XDG_STATE_HOME:-~/.local/state}/celigo/history`, reading
  /// `XDG_STATE_HOME` and `HOME` from `environment`.
  public static func defaultHistoryURL(
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> URL {
    let stateHome: URL
    if let configured = environment["XDG_STATE_HOME"], configured.hasPrefix("/") {
      // The XDG Base Directory spec says a relative path is invalid and
      // must be ignored, so only an absolute one is used.
      stateHome = URL(fileURLWithPath: configured, isDirectory: true)
    } else {
      let home =
        environment["HOME"].flatMap { $0.isEmpty ? nil : $0 }
        ?? FileManager.default.homeDirectoryForCurrentUser.path
      stateHome = URL(fileURLWithPath: home, isDirectory: true)
        .appendingPathComponent(".local/state", isDirectory: true)
    }
    return stateHome.appendingPathComponent("celigo", isDirectory: true)
      .appendingPathComponent("history", isDirectory: false)
  }
}
