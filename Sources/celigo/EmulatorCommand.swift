import CeligoKit

/// `celigo emulator` (wired to the emulator when merged).
enum EmulatorCommand {
  static func run(_ invocation: Invocation, terminal: TerminalIO) -> Int32 {
    terminal.writeError("celigo: the emulator is not built yet\n")
    return 1
  }
}
