/// The shells `celigo completions` writes scripts for.
public enum CompletionShell: String, Sendable, CaseIterable {
  case bash, zsh, fish
}

/// `celigo __complete SHELL -- WORDS…`: the hidden command the completion
/// scripts call on each Tab. It reads only the catalog and the on-disk ID
/// cache and sends no request.
public enum ShellCompletion {
  /// Commands that are not offered to shell users: `shell` and `emulator`
  /// are, but the hidden protocol itself is not in the catalog at all.
  static let hidden: Set<String> = []

  /// The largest number of IDs given to bash for one Tab. Bash takes about
  /// 35 ms to split 50,000 candidates into `COMPREPLY` (measured with bash
  /// 5.2 on 2 x86_64 cores), and by default prompts before listing more
  /// than 100 (`completion-query-items`), so a longer list only slows each
  /// Tab. Zsh and fish get every match.
  public static let bashIDLimit = 1_000

  /// Returns the text to print for a `__complete` call, one candidate per
  /// line in the shell's format; nothing for invalid calls.
  public static func respond(_ arguments: [String], environment: [String: String]) -> String {
    guard let shellName = arguments.first, let shell = CompletionShell(rawValue: shellName) else {
      return ""
    }
    var words = Array(arguments.dropFirst())
    if words.first == "--" { words.removeFirst() }
    if words.isEmpty { words = [""] }

    let state = CommandLineState(catalog: Catalog.commands, words: Array(words.dropLast()))
    let directory = IDCacheReader.directory(
      profile: profile(state.profile, environment: environment), environment: environment)
    let limit = shell == .bash ? bashIDLimit : .max
    let engine = CompletionEngine(hidden: hidden) { kind, prefix in
      IDCacheReader.candidates(kind, prefix: prefix, directory: directory, limit: limit)
    }
    return engine.complete(words).map { format($0, for: shell) }.joined()
  }

  /// Returns the profile whose cache to read: `--profile` on the line, then the
  /// environment and config file, as commands resolve it.
  static func profile(_ explicit: String?, environment: [String: String]) -> String {
    var options = GlobalOptions()
    options.profile = explicit
    let settings = try? Settings.resolve(options: options, environment: environment, requireToken: false)
    return settings?.profileName ?? explicit ?? "default"
  }

  static func format(_ candidate: CompletionCandidate, for shell: CompletionShell) -> String {
    // Bash shows no descriptions, so only zsh and fish clean them.
    if shell == .bash { return candidate.value + "\n" }
    var description = candidate.description
    if description.utf8.contains(where: { $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\n") }) {
      description = String(description.map { $0 == "\n" || $0 == "\t" ? " " : $0 })
    }
    switch shell {
    case .bash:
      return candidate.value + "\n"
    case .zsh:
      var value = candidate.value
      if value.utf8.contains(UInt8(ascii: ":")) { value = value.replacingOccurrences(of: ":", with: "\\:") }
      return description.isEmpty ? value + "\n" : "\(value):\(description)\n"
    case .fish:
      return description.isEmpty ? candidate.value + "\n" : "\(candidate.value)\t\(description)\n"
    }
  }
}
