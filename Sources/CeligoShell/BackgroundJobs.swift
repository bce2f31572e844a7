import Foundation

/// The commands started with a trailing `&`: numbered from 1, listed by
/// `jobs`, and announced with a notice when they end.
///
/// Commands start and end on different tasks, and the line editor takes
/// notices on its own thread, so every field is behind one lock.
final class BackgroundJobs: @unchecked Sendable {
  private struct Job {
    let command: String
    let started: ContinuousClock.Instant
    var task: Task<Void, Never>?
  }

  private let lock = NSLock()
  private var running: [Int: Job] = [:]
  private var notices: [String] = []
  private var exitWarned = false
  private let noticePosted: @Sendable () -> Void

  /// Creates a registry that calls `noticePosted` after each notice is
  /// queued, from the task of the command that ended.
  init(noticePosted: @escaping @Sendable () -> Void) {
    self.noticePosted = noticePosted
  }

  /// The number of commands still running.
  var runningCount: Int {
    lock.withLock { running.count }
  }

  /// Starts `run` in a task of its own, so that Ctrl-C on a foreground
  /// command does not cancel it, and returns the job number. `command` is
  /// the text that `jobs` and the notice show.
  func start(command: String, run: @escaping @Sendable () async -> (Int32, String)) -> Int {
    lock.withLock {
      // Like a POSIX shell: the lowest number above every running job.
      let number = (running.keys.max() ?? 0) + 1
      running[number] = Job(command: command, started: .now)
      running[number]?.task = Task.detached {
        let (code, output) = await run()
        self.finish(number, code: code, output: output)
      }
      return number
    }
  }

  /// Returns one line per running command, such as
  /// `[1] running 12s: flows run 40d6… --wait`, in job number order.
  func listing(now: ContinuousClock.Instant = .now) -> String {
    let jobs = lock.withLock { running.sorted { $0.key < $1.key } }
    return jobs.map { number, job in
      "[\(number)] running \(Self.format(now - job.started)): \(job.command)\n"
    }.joined()
  }

  /// Removes and returns the notices of the commands that ended, each
  /// the command's output followed by a line such as
  /// `[1] done (exit 10): flows run 40d6… --wait`.
  func takeNotices() -> [String] {
    lock.withLock {
      defer { notices = [] }
      return notices
    }
  }

  /// Returns a warning the first time the shell is asked to end while
  /// commands run, and nil when it may end. `resetExitWarning` rearms it.
  func exitWarning() -> String? {
    lock.withLock {
      guard !running.isEmpty, !exitWarned else { return nil }
      exitWarned = true
      let count = running.count
      return count == 1
        ? "1 background command is still running ('jobs' lists it); exit again to stop it\n"
        : "\(count) background commands are still running ('jobs' lists them); exit again to stop them\n"
    }
  }

  /// Makes the next `exit` or Ctrl-D warn again; called for every other line.
  func resetExitWarning() {
    lock.withLock { exitWarned = false }
  }

  /// Cancels every running command, when the shell ends.
  func cancelAll() {
    let tasks = lock.withLock { running.values.compactMap(\.task) }
    tasks.forEach { $0.cancel() }
  }

  private func finish(_ number: Int, code: Int32, output: String) {
    lock.withLock {
      guard let job = running.removeValue(forKey: number) else { return }
      let status = code == 0 ? "done" : "done (exit \(code))"
      let text = output.isEmpty || output.hasSuffix("\n") ? output : output + "\n"
      notices.append(text + "[\(number)] \(status): \(job.command)\n")
    }
    noticePosted()
  }

  /// Returns a duration as `12s` or `3m05s`.
  static func format(_ duration: Duration) -> String {
    let seconds = Int(duration.components.seconds)
    guard seconds >= 60 else { return "\(seconds)s" }
    let rest = seconds % 60
    return "\(seconds / 60)m" + (rest < 10 ? "0" : "") + "\(rest)s"
  }

  /// Returns `words` without a trailing `&`, as a word of its own or at
  /// the end of the last word, and whether there was one.
  /// NOTE: the words come after quote removal, so a quoted `"a&"` at the
  /// end of a line also ends in `&` and starts a background command.
  static func splitTrailingAmpersand(_ words: [String]) -> (words: [String], background: Bool) {
    guard var last = words.last, last.hasSuffix("&") else { return (words, false) }
    var rest = Array(words.dropLast())
    last.removeLast()
    if !last.isEmpty { rest.append(last) }
    return (rest, true)
  }

  /// Returns the command text for `jobs` and notices: the words joined by
  /// spaces, with 24-digit hexadecimal IDs shortened to their first four.
  static func displayText(_ words: [String], ellipsis: String) -> String {
    words.map { word in
      let isID = word.count == 24 && word.allSatisfy(\.isHexDigit)
      return isID ? word.prefix(4) + ellipsis : word
    }.joined(separator: " ")
  }
}
