import CeligoEmulator
import CeligoKit
import CeligoShell
import Foundation

/// `celigo shell [--demo]`: checks the token once, then reads command lines
/// and runs each through the same runner as one-shot commands.
enum ShellCommand {
  static func run(demo: Bool, globals: GlobalOptions, runner: CommandRunner) async -> Int32 {
    // Background commands write through ShellTerminal to a buffer.
    var runner = CommandRunner(terminal: ShellTerminal(base: runner.terminal), environment: runner.environment)
    var emulator: Emulator?
    if demo {
      var options = EmulatorOptions()
      // Latency makes slow commands reproducible, for trying Ctrl-C.
      options.latencyMilliseconds = Int(runner.environment["CELIGO_DEMO_LATENCY_MS"] ?? "") ?? 0
      // Speed of job lifecycles: 2 halves a run's time and 0.5 doubles it,
      // so a test can type while a background run goes on.
      if let speed = Double(runner.environment["CELIGO_DEMO_JOB_SPEED"] ?? ""), speed > 0 {
        options.jobSpeed = speed
      }
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
    let workbench: Workbench
    do {
      let context = try runner.makeContext(runner.defaults, requireToken: true)
      _ = try await context.client.document(APIRequest("GET", "/v1/tokenInfo"))
      let profile = demo ? "demo" : context.settings.profileName
      runner.cacheProfile = profile
      workbench = Workbench(
        cache: runner.idCaches.cache(profile: profile), profile: profile,
        warmer: CacheWarmer(client: context.client))
      // A background list must not replace the handles $1, $2, … of the
      // command in the foreground.
      runner.onRecords = { printed in
        if !ShellTerminal.isCapturing { workbench.notePrinted(printed) }
      }
    } catch {
      emulator?.stop()
      return runner.report(error)
    }

    let interactive = isatty(STDIN_FILENO) == 1
    if interactive { workbench.warm() }
    if interactive, let emulator {
      runner.terminal.writeError(
        "Demo account served by the built-in emulator at \(emulator.baseURL)."
          + " Type 'help', or press Tab to complete; Ctrl-D leaves.\n")
    }
    let configuration = ShellConfiguration(
      historyURL: ShellConfiguration.defaultHistoryURL(environment: runner.environment),
      prompt: { workbench.prompt() })
    let shell = InteractiveShell(
      vocabulary: ShellVocabulary(catalog: Catalog.commands), executor: RunnerExecutor(runner: runner, demo: demo),
      configuration: configuration, workbench: workbench)
    let status = await shell.run()
    emulator?.stop()
    return status
  }
}

/// Runs shell lines through the one-shot command runner.
struct RunnerExecutor: ShellExecutor {
  let runner: CommandRunner
  /// True in `shell --demo`, where `login` would save the demo token over
  /// the user's real profile.
  var demo = false

  func execute(_ words: [String]) async -> Int32 {
    if demo, words.first(where: { !$0.hasPrefix("-") }) == "login" {
      return runner.report(
        CeligoError.usage(
          "login is not available in the demo shell, because it would save the demo token;"
            + " leave the shell and run 'celigo login'"))
    }
    return await runner.run(words)
  }
}
