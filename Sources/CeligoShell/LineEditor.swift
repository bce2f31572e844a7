import CEditLineShim
import CLibEdit
import Foundation

/// The result of reading one line from the terminal.
enum LineEditorInput: Equatable {
  /// A line the user entered, without its newline.
  case line(String)

  /// Ctrl-C: the half-typed line was dropped.
  case interrupted

  /// Ctrl-D on an empty line.
  case endOfFile

  /// The terminal could not be read, with the `errno` code.
  case failed(Int32)
}

/// A libedit line editor on the terminal: emacs keys, `~/.editrc`, Ctrl-R
/// search, history, and Tab completion through a `Completer`.
///
/// It is `@unchecked Sendable` so that `readLine` can block a thread of its
/// own instead of one of the concurrency pool's. The shell calls it from one
/// task at a time, so libedit's state is not touched concurrently.
final class LineEditor: @unchecked Sendable {
  private let editLine: OpaquePointer
  private let history: OpaquePointer
  private let completer: Completer
  private let prompt: @Sendable () -> String
  private let takeNotices: @Sendable () -> [String]
  private var promptText: UnsafeMutablePointer<CChar>?

  /// Creates an editor on stdin and stdout with `entries` as its history,
  /// or returns nil when libedit cannot set up the terminal.
  /// `notices` returns the text to show above the prompt, such as the
  /// end of a background command. The editor calls it before each prompt,
  /// and after `celigo_wake_post` while it waits for a key.
  init?(
    completer: Completer, prompt: @escaping @Sendable () -> String, history entries: [String], maxEntries: Int,
    notices: @escaping @Sendable () -> [String] = { [] }
  ) {
    // libedit decodes multibyte input by the locale's LC_CTYPE.
    setlocale(LC_CTYPE, "")
    guard let editLine = celigo_el_init(CommandLine.arguments.first ?? "celigo") else {
      return nil
    }
    guard let history = celigo_history_init(Int32(clamping: maxEntries)) else {
      el_end(editLine)
      return nil
    }
    self.editLine = editLine
    self.history = history
    self.completer = completer
    self.prompt = prompt
    self.takeNotices = notices

    for entry in entries {
      celigo_history_enter(history, entry)
    }
    configure()
  }

  deinit {
    el_end(editLine)
    history_end(history)
    free(promptText)
  }

  /// Adds `entry` to the history that Up, Down and Ctrl-R walk through.
  func addToHistory(_ entry: String) {
    celigo_history_enter(history, entry)
  }

  /// Reads one line on a thread of its own, so the blocking read does not
  /// hold a thread of the concurrency pool.
  func readLine() async -> LineEditorInput {
    await withCheckedContinuation { continuation in
      let thread = Thread {
        continuation.resume(returning: self.readLineBlocking())
      }
      thread.start()
    }
  }

  private func configure() {
    celigo_el_set_client_data(editLine, Unmanaged.passUnretained(self).toOpaque())
    celigo_el_set_editor(editLine, "emacs")
    // libedit restores the terminal on SIGTSTP, SIGTERM and the like, and
    // resizes on SIGWINCH; SIGINT reaches the shell's own handler.
    celigo_el_set_signal(editLine, 1)
    celigo_el_use_interruptible_read(editLine)
    celigo_wake_install(wakeFunction)
    celigo_el_set_prompt(editLine, promptFunction, 1)
    celigo_el_set_history(editLine, history)

    celigo_el_add_function(editLine, "celigo-complete", "Complete the word at the cursor", completeFunction)
    celigo_el_bind(editLine, "^I", "celigo-complete")
    // libedit's emacs map binds ^R to ed-redisplay; bash users expect search.
    celigo_el_bind(editLine, "^R", "em-inc-search-prev")

    // Read $EDITRC or ~/.editrc last, so the user's bindings win. A missing
    // file is no error.
    el_source(editLine, nil)
  }

  private func readLineBlocking() -> LineEditorInput {
    free(promptText)
    promptText = strdup(prompt())
    // An interrupt that arrived while a command ran must not clear this line.
    _ = celigo_interrupt_take()
    _ = celigo_read_take_interrupt()
    // Notices that came while a command ran go above this prompt. A wake-up
    // posted after the pipe is emptied is handled inside el_gets.
    _ = celigo_wake_take()
    writeToTerminal(takeNotices().joined())

    var count: Int32 = 0
    errno = 0
    guard let text = el_gets(editLine, &count) else {
      let code = errno
      if celigo_read_take_interrupt() != 0 {
        writeToTerminal("\n")
        return .interrupted
      }
      if count < 0 {
        return .failed(code)
      }
      writeToTerminal("\n")
      return .endOfFile
    }

    var line = String(cString: text)
    if line.hasSuffix("\n") {
      line.removeLast()
    }
    return .line(line)
  }

  fileprivate var currentPrompt: UnsafeMutablePointer<CChar>? {
    promptText
  }

  /// Completes the word before the cursor. Returns a libedit CC_* code.
  fileprivate func completeAtCursor() -> UInt8 {
    guard let info = el_line(editLine)?.pointee else {
      return UInt8(CC_ERROR)
    }
    let length = info.cursor - info.buffer
    let typed = String(decoding: UnsafeRawBufferPointer(start: info.buffer, count: length), as: UTF8.self)
    let result = completer.complete(line: typed)

    if result.candidates.isEmpty {
      return UInt8(CC_ERROR)
    }
    if !result.insertion.isEmpty {
      // A name typed in place of an ID is replaced by the ID.
      if result.deleteCount > 0 {
        el_deletestr(editLine, Int32(clamping: result.deleteCount))
      }
      el_insertstr(editLine, result.insertion)
      return UInt8(CC_REFRESH)
    }

    // Several candidates and a prefix that cannot grow: list them below the
    // line; CC_REDISPLAY then draws the prompt and the line again.
    let columns = Int(celigo_terminal_columns(STDOUT_FILENO))
    writeToTerminal("\n" + CompletionColumns.format(result.display, width: columns))
    return UInt8(CC_REDISPLAY)
  }

  /// Prints the pending notices above the line being edited, then draws
  /// the prompt and the line again below them, with the cursor where it
  /// was. Runs on the thread inside el_gets, called by the wake handler.
  fileprivate func showNotices() {
    let notices = takeNotices()
    guard !notices.isEmpty, let info = el_line(editLine)?.pointee else { return }
    // The line may wrap: go up to the row of the prompt, then clear from
    // there to the end of the screen. Every character is taken as one
    // column wide.
    let beforeCursor = String(
      decoding: UnsafeRawBufferPointer(start: info.buffer, count: info.cursor - info.buffer), as: UTF8.self)
    let column = String(cString: promptText ?? celigo_empty_prompt()).count + beforeCursor.count
    let rowsAbove = column / max(1, Int(celigo_terminal_columns(STDOUT_FILENO)))
    // ANSI: CUU moves the cursor up, CR to column 0, ED 0 clears below it.
    let up = rowsAbove > 0 ? "\u{1B}[\(rowsAbove)A" : ""
    writeToTerminal(up + "\r\u{1B}[J" + notices.joined())
    // EL_REFRESH takes the cursor to be at the start of the prompt's row.
    celigo_el_refresh(editLine)
  }

  /// Writes through C stdio, the stream libedit and `print` also use, so
  /// the three stay in order.
  private func writeToTerminal(_ text: String) {
    print(text, terminator: "")
    fflush(nil)
  }

  fileprivate static func editor(for editLine: OpaquePointer?) -> LineEditor? {
    guard let editLine, let data = celigo_el_client_data(editLine) else {
      return nil
    }
    return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue()
  }
}

/// libedit calls this C function for the prompt of each line.
private let promptFunction: @convention(c) (OpaquePointer?) -> UnsafeMutablePointer<CChar>? = { editLine in
  LineEditor.editor(for: editLine)?.currentPrompt ?? celigo_empty_prompt()
}

/// libedit calls this C function when Tab is pressed.
private let completeFunction: @convention(c) (OpaquePointer?, Int32) -> UInt8 = { editLine, _ in
  LineEditor.editor(for: editLine)?.completeAtCursor() ?? UInt8(CC_ERROR)
}

/// The shim calls this C function on the reading thread after a wake-up.
private let wakeFunction: @convention(c) (OpaquePointer?) -> Void = { editLine in
  LineEditor.editor(for: editLine)?.showNotices()
}
