/// The handler's inputs: the API client, the settings, the output and
/// the user at the terminal.
public struct CommandContext: Sendable {
  public let client: APIClient
  public let settings: Settings
  public let output: OutputWriter
  public let terminal: TerminalIO
  public let environment: [String: String]

  public init(
    client: APIClient, settings: Settings, output: OutputWriter, terminal: TerminalIO,
    environment: [String: String]
  ) {
    self.client = client
    self.settings = settings
    self.output = output
    self.terminal = terminal
    self.environment = environment
  }

  /// Asks before a destructive action. Passes with `--yes`; asks on a
  /// terminal; otherwise throws, because no one can reply. Ctrl-C at the
  /// question ends the command with exit code 130.
  public func confirm(_ question: String) throws {
    if settings.assumeYes { return }
    guard terminal.isInteractive else {
      throw CeligoError.usage(
        "\(question.trimmingCharacters(in: ["?"])): confirmation needed, but no terminal"
          + " can answer; add --yes to proceed")
    }
    switch terminal.confirm(question) {
    case .yes:
      return
    case .no:
      throw CeligoError.declined("canceled: nothing was changed")
    case .interrupted:
      throw CeligoError.failed("canceled: nothing was changed", exitCode: ExitCode.interrupted)
    }
  }
}
