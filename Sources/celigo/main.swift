import CeligoKit
import Foundation

// The entry point only routes: `--version` prints before anything else
// is set up, the shell and the emulator run here, and every other command
// goes through the shared runner.
let arguments = Array(CommandLine.arguments.dropFirst())
if arguments == ["--version"] {
  print("celigo \(Help.version)")
  exit(ExitCode.success)
}

let environment = ProcessInfo.processInfo.environment
if arguments.first == "__complete" {
  // Responds to one Tab of the bash, zsh and fish scripts, from the catalog and
  // the ID cache only.
  print(ShellCompletion.respond(Array(arguments.dropFirst()), environment: environment), terminator: "")
  exit(ExitCode.success)
}
let terminal = StandardTerminal()
let runner = CommandRunner(terminal: terminal, environment: environment)

if arguments.isEmpty, isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 {
  exit(await ShellCommand.run(demo: false, globals: GlobalOptions(), runner: runner))
}

switch runner.parse(arguments) {
case .success(.run(let invocation, let globals)) where invocation.spec.resource == "shell":
  exit(await ShellCommand.run(demo: invocation.flag("--demo"), globals: globals, runner: runner))
case .success(.run(let invocation, _)) where invocation.spec.resource == "emulator":
  exit(EmulatorCommand.run(invocation, terminal: terminal))
default:
  let status = await runner.run(arguments)
  if let failure = StandardTerminal.outputFailure {
    terminal.writeError("celigo: cannot write the output: \(failure)\n")
    exit(status == ExitCode.success ? ExitCode.failure : status)
  }
  exit(status)
}
