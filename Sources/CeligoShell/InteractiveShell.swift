import CEditLineShim
import Foundation

/// The `celigo shell` session: a libedit prompt on a terminal, or a plain
/// line-by-line run when standard input is a pipe or a file.
public final class InteractiveShell {
  private let vocabulary: ShellVocabulary
  private let executor: any ShellExecutor
  private let configuration: ShellConfiguration
  private let workbench: Workbench?

  /// Creates a shell that completes from `vocabulary` and `workbench`'s ID
  /// cache, and runs commands through `executor`.
  public init(
    vocabulary: ShellVocabulary, executor: any ShellExecutor, configuration: ShellConfiguration,
    workbench: Workbench? = nil
  ) {
    self.vocabulary = vocabulary
    self.executor = executor
    self.configuration = configuration
    self.workbench = workbench
  }

  /// Runs until `exit`, Ctrl-D or the end of piped input, and returns the
  /// process exit code.
  public func run() async -> Int32 {
    if isatty(STDIN_FILENO) == 1 {
      return await runOnTerminal()
    }
    let runner = PipedRunner(dispatcher: dispatcher(history: { [] }), readLine: { Swift.readLine() })
    return await runner.run()
  }

  private func runOnTerminal() async -> Int32 {
    let historyFile = HistoryFile(url: configuration.historyURL, maxEntries: configuration.maxHistoryEntries)
    let session = HistorySession(entries: historyFile.load(), maxEntries: configuration.maxHistoryEntries)
    let jobs = BackgroundJobs(noticePosted: { celigo_wake_post() })
    defer { jobs.cancelAll() }
    guard
      let editor = LineEditor(
        completer: Completer(vocabulary: vocabulary, workbench: workbench), prompt: configuration.prompt,
        history: session.entries, maxEntries: configuration.maxHistoryEntries, notices: { jobs.takeNotices() })
    else {
      writeError("cannot start the line editor on this terminal: check TERM\n")
      return 1
    }

    // Ctrl-C must never end the shell: while a line is edited the handler
    // makes el_gets return, and while a command runs it only records it.
    if celigo_interrupt_install() != 0 {
      writeError("cannot install the Ctrl-C handler: \(String(cString: strerror(errno)))\n")
    }
    defer { celigo_interrupt_uninstall() }

    let dispatcher = dispatcher(history: { session.entries }, backgroundJobs: jobs)
    var historyWarned = false
    while true {
      let line: String
      switch await editor.readLine() {
      case .line(let text):
        line = text
      case .interrupted:
        continue
      case .endOfFile:
        if let warning = jobs.exitWarning() {
          writeError(warning)
          continue
        }
        return 0
      case .failed(let code):
        writeError("cannot read the terminal: \(String(cString: strerror(code)))\n")
        return 1
      }

      if session.record(line) {
        editor.addToHistory(line)
        do {
          try historyFile.append(line)
        } catch {
          // Warn once: the shell works on without a history file.
          if !historyWarned {
            writeError("\(error); history is kept for this session only\n")
            historyWarned = true
          }
        }
      }

      let words: [String]
      do {
        words = try ShellLineSplitter.split(line)
      } catch {
        writeError("\(error)\n")
        continue
      }
      let outcome = await CommandInterrupts.run { await dispatcher.run(words) }
      if case .exit(let code) = outcome {
        return code
      }
    }
  }

  private func dispatcher(
    history: @escaping @Sendable () -> [String], backgroundJobs: BackgroundJobs? = nil
  ) -> CommandDispatcher {
    CommandDispatcher(
      vocabulary: vocabulary, executor: executor,
      writeOutput: { text in
        print(text, terminator: "")
        fflush(nil)
      },
      writeError: writeError,
      historyEntries: history,
      workbench: workbench,
      backgroundJobs: backgroundJobs)
  }
}

private let writeError: @Sendable (String) -> Void = { text in
  fflush(nil)
  FileHandle.standardError.write(Data(text.utf8))
}

/// The newest lines of the history, oldest first, as many as libedit keeps,
/// so that a long session does not grow without bound.
final class HistorySession: @unchecked Sendable {
  // NOTE: @unchecked because the shell's loop is the only writer and the
  // `history` builtin reads it from that same loop.
  private(set) var entries: [String]
  let maxEntries: Int

  init(entries: [String], maxEntries: Int) {
    self.maxEntries = max(1, maxEntries)
    self.entries = Array(entries.suffix(self.maxEntries))
  }

  /// Appends `line` when `HistoryPolicy` stores it, dropping the oldest
  /// entry past `maxEntries`, and returns whether it stored the line.
  func record(_ line: String) -> Bool {
    guard HistoryPolicy.shouldStore(line, after: entries.last) else {
      return false
    }
    entries.append(line)
    if entries.count > maxEntries {
      entries.removeFirst(entries.count - maxEntries)
    }
    return true
  }
}
