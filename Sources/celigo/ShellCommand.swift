import CeligoEmulator
import CeligoKit
import CeligoShell
import Foundation

/// `celigo shell [--demo]`: checks the token once, then reads command lines
/// and runs each through the same runner as one-shot commands.
enum ShellCommand {
  static func run(demo: Bool, globals: GlobalOptions, runner: CommandRunner) async -> Int32 {
    var runner = runner
    var emulator: Emulator?
    if demo {
      let options = EmulatorOptions()
      let started = Emulator(options: options)
      do {
        try started.start()
      } catch {
        return runner.report(CeligoError.failed("cannot start the demo emulator: \(error)", exitCode: 1))
      }
      emulator = started
      var environment = runner.environment
      environment["CELIGO_API_TOKEN"] = options.token
      environment["CELIGO_PROFILE"] = nil
      runner = CommandRunner(terminal: runner.terminal, environment: environment)
    }
    var defaults = globals
    if let emulator {
      defaults.baseURL = emulator.baseURL
      defaults.profile = nil
    }
    runner.defaults = defaults

    // The shell authenticates once, so a bad token fails here and not on
    // the first command.
    let profile: String
    do {
      let context = try runner.makeContext(runner.defaults, requireToken: true)
      _ = try await context.client.document(APIRequest("GET", "/v1/tokenInfo"))
      profile = demo ? "demo" : context.settings.profileName
    } catch {
      emulator?.stop()
      return runner.report(error)
    }

    let interactive = isatty(STDIN_FILENO) == 1
    if interactive, let emulator {
      runner.terminal.writeError(
        "Demo account served by the built-in emulator at \(emulator.baseURL)."
          + " Type 'help', or press Tab to complete; Ctrl-D leaves.\n")
    }
    let configuration = ShellConfiguration(
      historyURL: ShellConfiguration.defaultHistoryURL(environment: runner.environment),
      prompt: { "celigo:\(profile)> " })
    let shell = InteractiveShell(
      vocabulary: vocabulary(), executor: RunnerExecutor(runner: runner), configuration: configuration)
    let status = await shell.run()
    emulator?.stop()
    return status
  }

  /// The completer's names, read from the command catalog.
  static func vocabulary() -> ShellVocabulary {
    var actions: [String: [String]] = [:]
    var options: [String: [String]] = [:]
    var values: [String: [String]] = [:]
    let shellOnly: Set<String> = ["shell", "emulator"]
    let commands = Catalog.commands.filter { !shellOnly.contains($0.resource) }
    for spec in commands {
      if let action = spec.action { actions[spec.resource, default: []].append(action) }
      options[spec.words] = spec.options.map(\.name)
      for option in spec.options where !(option.kind?.completions.isEmpty ?? true) {
        values[option.name] = option.kind?.completions
      }
    }
    options[""] = CommandParser.globalOptions.map(\.name).filter { $0 != "--version" }
    for option in CommandParser.globalOptions where !(option.kind?.completions.isEmpty ?? true) {
      values[option.name] = option.kind?.completions
    }
    return ShellVocabulary(
      resources: Catalog.resources(commands), actions: actions, options: options, optionValues: values)
  }
}

/// Runs shell lines through the one-shot command runner.
struct RunnerExecutor: ShellExecutor {
  let runner: CommandRunner

  func execute(_ words: [String]) async -> Int32 {
    await runner.run(words)
  }
}
