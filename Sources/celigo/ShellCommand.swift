import CeligoKit

/// `celigo shell [--demo]` (wired to the interactive shell when merged).
enum ShellCommand {
  static func run(demo: Bool, globals: GlobalOptions, runner: CommandRunner) async -> Int32 {
    runner.report(CeligoError.usage("the shell is not built yet"))
  }
}
