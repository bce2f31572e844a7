import Foundation

/// The destination of a command's output and the means to prompt the user.
/// The executable and the shell provide the real terminal, tests a recording one.
public protocol TerminalIO: Sendable {
  /// Writes results (stdout).
  func writeOutput(_ text: String)
  /// Writes diagnostics and progress (stderr).
  func writeError(_ text: String)
  /// True when a person can answer a question (stdin and stderr are terminals).
  var isInteractive: Bool { get }
  /// The width to fit tables to, or nil for no limit (output not a terminal).
  var outputWidth: Int? { get }
  /// True when results may carry ANSI colour.
  var colorOutput: Bool { get }
  /// True when output may move the cursor to redraw lines in place.
  var supportsCursorMovement: Bool { get }
  /// Asks a yes/no question: `.no` for anything but yes, and `.interrupted`
  /// for Ctrl-C at the prompt.
  func confirm(_ question: String) -> ConfirmationAnswer
  /// Reads a line without echo, or nil at end of input.
  func readSecret(_ prompt: String) -> String?
}

/// The reply to a yes/no question.
public enum ConfirmationAnswer: Sendable, Equatable {
  case yes
  /// Any other line, or end of input.
  case no
  /// Ctrl-C while the question waited.
  case interrupted
}

extension TerminalIO {
  /// Output that has a width is a terminal, unless a conformer overrides this.
  public var supportsCursorMovement: Bool { outputWidth != nil }

  /// The width a live display may redraw in, or nil to print a line per change.
  public var liveWidth: Int? { supportsCursorMovement ? outputWidth : nil }
}

/// The process's own stdin, stdout and stderr.
public struct StandardTerminal: TerminalIO {
  public init() {}

  public func writeOutput(_ text: String) {
    Self.write(text, to: STDOUT_FILENO)
  }

  public func writeError(_ text: String) {
    Self.write(text, to: STDERR_FILENO)
  }

  static func write(_ text: String, to descriptor: Int32) {
    let bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeBytes { buffer -> Int in
        guard let base = buffer.baseAddress else { return 0 }
        return Foundation.write(descriptor, base + offset, buffer.count - offset)
      }
      if written < 0 && errno == EINTR { continue }
      if written <= 0 {
        if descriptor == STDOUT_FILENO { OutputFailure.record(errno) }
        return
      }
      offset += written
    }
  }

  /// Returns why writing results failed (a full disk, a closed pipe), if it did.
  public static var outputFailure: String? { OutputFailure.reason }

  public var isInteractive: Bool {
    isatty(STDIN_FILENO) == 1 && isatty(STDERR_FILENO) == 1
  }

  public var outputWidth: Int? {
    guard isatty(STDOUT_FILENO) == 1 else { return nil }
    if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 {
      return columns
    }
    var size = winsize()
    if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
      return Int(size.ws_col)
    }
    return 80
  }

  /// False for `TERM=dumb`, which cannot move the cursor.
  public var supportsCursorMovement: Bool {
    isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["TERM"] != "dumb"
  }

  public var colorOutput: Bool {
    let environment = ProcessInfo.processInfo.environment
    guard isatty(STDOUT_FILENO) == 1, environment["NO_COLOR"] == nil else { return false }
    return environment["TERM"] != "dumb"
  }

  public func confirm(_ question: String) -> ConfirmationAnswer {
    writeError("\(question) [y/N] ")
    switch InterruptibleLineReader.readLine() {
    case .line(let answer):
      return ["y", "yes"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased()) ? .yes : .no
    case .endOfInput:
      writeError("\n")
      return .no
    case .interrupted:
      // The cursor is still on the question's line, after the ^C that the
      // terminal echoes, so the message that follows starts a new line.
      writeError("\n")
      return .interrupted
    }
  }

  public func readSecret(_ prompt: String) -> String? {
    writeError(prompt)
    var saved = termios()
    let isTerminal = tcgetattr(STDIN_FILENO, &saved) == 0
    if isTerminal {
      var quiet = saved
      quiet.c_lflag &= ~tcflag_t(ECHO)
      tcsetattr(STDIN_FILENO, TCSANOW, &quiet)
    }
    defer {
      if isTerminal {
        tcsetattr(STDIN_FILENO, TCSANOW, &saved)
        writeError("\n")
      }
    }
    return readLine(strippingNewline: true)
  }
}

/// The first failed write to stdout, so the command can exit non-zero
/// instead of reporting success with its results lost.
enum OutputFailure {
  nonisolated(unsafe) private static var code: Int32 = 0
  private static let lock = NSLock()

  static func record(_ error: Int32) {
    lock.withLock {
      if code == 0 { code = error == 0 ? EIO : error }
    }
  }

  static var reason: String? {
    lock.withLock { code == 0 ? nil : String(cString: strerror(code)) }
  }
}
