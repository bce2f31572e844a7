import CeligoKit
import Foundation

/// The result of running one line.
enum CommandOutcome: Equatable {
  /// The line ran and ended with this exit code.
  case finished(Int32)

  /// The line asked to end the shell with this exit code.
  case exit(Int32)
}

/// Runs one line: splits it, handles the shell's builtins and passes
/// every other command to the executor.
struct CommandDispatcher: Sendable {
  let vocabulary: ShellVocabulary
  let executor: any ShellExecutor

  /// Writes the output of builtins, such as the help text.
  let writeOutput: @Sendable (String) -> Void

  /// Writes the shell's own error messages.
  let writeError: @Sendable (String) -> Void

  /// Returns the stored history lines for the `history` builtin.
  let historyEntries: @Sendable () -> [String]

  /// The context, ID cache and handles; without it the shell only passes
  /// lines on, and `use`, `$1` and names for IDs are not available.
  var workbench: Workbench? = nil

  /// The commands started with a trailing `&`; without it, as for piped
  /// input, such a line runs in the foreground.
  var backgroundJobs: BackgroundJobs? = nil

  /// Runs `words` and returns the outcome. Blank input finishes with 0.
  func run(_ words: [String]) async -> CommandOutcome {
    var (words, background) = BackgroundJobs.splitTrailingAmpersand(words)
    // Hints print one-shot commands such as `celigo troubleshoot F`, so a
    // pasted leading `celigo` is dropped.
    if words.count > 1, words.first == "celigo" { words.removeFirst() }
    guard let first = words.first else {
      if background {
        writeError("&: a command must come before it, such as 'flows run ID --wait &'\n")
        return .finished(2)
      }
      return .finished(0)
    }
    let arguments = Array(words.dropFirst())
    if let backgroundJobs {
      if ShellBuiltin(rawValue: first) == .exit || ShellBuiltin(rawValue: first) == .quit {
        if let warning = backgroundJobs.exitWarning() {
          writeError(warning)
          return .finished(1)
        }
      } else {
        backgroundJobs.resetExitWarning()
      }
      if words == ["jobs"] {
        // Bare `jobs` lists background commands; `jobs ACTION` is the resource.
        writeOutput(backgroundJobs.listing())
        return .finished(0)
      }
      if background {
        return .finished(await startInBackground(words, backgroundJobs))
      }
    }

    switch ShellBuiltin(rawValue: first) {
    case .help where !arguments.isEmpty, .questionMark where !arguments.isEmpty:
      // `help flows run` shows what `flows run --help` shows.
      return .finished(await executor.execute(arguments + ["--help"]))
    case .help, .questionMark:
      writeOutput(helpText())
      return .finished(0)
    case .exit, .quit:
      return exitOutcome(arguments)
    case .history:
      writeOutput(historyText())
      return .finished(0)
    case .clear:
      // ANSI: move the cursor home, then erase the whole screen.
      writeOutput(isatty(STDOUT_FILENO) == 1 ? "\u{1B}[H\u{1B}[2J" : "")
      return .finished(0)
    case .use, .unuse, .context, .refresh, .set:
      guard let workbench else {
        writeError("\(first): not available in this shell\n")
        return .finished(2)
      }
      return .finished(await runWorkbenchBuiltin(first, arguments, workbench))
    case nil:
      return .finished(await execute(words))
    }
  }

  /// Runs a command line through the executor, after the workbench has
  /// replaced handles and names and added IDs from the context.
  private func execute(_ words: [String]) async -> Int32 {
    guard let workbench else {
      return await executor.execute(words)
    }
    let rewritten: [String]
    do {
      rewritten = try await CommandLineRewriter(vocabulary: vocabulary, workbench: workbench).rewrite(words)
    } catch {
      writeError("celigo: \(ErrorMessage.describe(error))\n")
      return ExitCode.of(error)
    }
    workbench.beginCommand()
    defer { workbench.endCommand() }
    return await executor.execute(rewritten)
  }

  /// Returns the text the `help` builtin prints.
  func helpText() -> String {
    let resources = vocabulary.resources.map { "  \($0)\n" }.joined()
    return """
      Resources:
      \(resources)
      Type RESOURCE ACTION [ARGUMENTS] [OPTIONS], such as 'flows list'.
      Tab completes names; 'help RESOURCE [ACTION]' shows a command's help.

      Shell commands:
        help [RESOURCE [ACTION]]  show this text, or the help of a command (also ?)
        use KIND ID|NAME          work in an integration, flow, export, import or
                                  connection; commands take missing IDs from it
        use -                     return to the previous context
        unuse [KIND]              leave the context, or one kind of it
        context                   show the context
        set format table|json     choose the output format of later commands
        refresh                   reload the ID cache that Tab completes from
        history                   list the stored lines, oldest first
        clear                     clear the screen
        exit [CODE], quit         end the shell (Ctrl-D on an empty line too); while
                                  background commands run, the first exit warns
                                  and the second stops them and ends the shell
        COMMAND &                 run COMMAND in the background: the prompt comes
                                  back at once, and its output is shown with a
                                  notice when it ends (piped input runs it in the
                                  foreground)
        jobs                      list the background commands still running

      Where an ID is expected, a unique name or ID prefix works too. After a
      list, $1, $2, … are the IDs of its rows and $_ the last ID shown:
        use integration Shopify
        flows list
        flows get $2

      """
  }

  private func historyText() -> String {
    let entries = historyEntries()
    let width = String(entries.count).count
    return entries.enumerated().map { index, entry in
      let number = String(index + 1)
      return String(repeating: " ", count: width - number.count) + number + "  " + entry + "\n"
    }.joined()
  }

  private func exitOutcome(_ arguments: [String]) -> CommandOutcome {
    guard let argument = arguments.first else {
      return .exit(0)
    }
    guard arguments.count == 1, let code = Int32(argument), (0...255).contains(code) else {
      let text = arguments.joined(separator: " ")
      writeError("exit: invalid exit code '\(text)': use a number from 0 to 255\n")
      return .finished(2)
    }
    return .exit(code)
  }
}
