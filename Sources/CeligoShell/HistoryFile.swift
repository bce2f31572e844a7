import Foundation

/// The shell's persistent history: one entered line per line of a file
/// that only its owner can read (directory 0700, file 0600).
struct HistoryFile {
  /// The history file.
  let url: URL

  /// Maximum number of lines kept; `load` trims the file to this many.
  let maxEntries: Int

  /// Reads the stored lines, oldest first, dropping the ones `HistoryPolicy`
  /// would not store. A missing or unreadable file gives no lines.
  func load() -> [String] {
    guard let data = FileManager.default.contents(atPath: url.path) else {
      return []
    }

    var entries: [String] = []
    for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
      let entry = String(line)
      if HistoryPolicy.shouldStore(entry, after: entries.last) {
        entries.append(entry)
      }
    }
    if entries.count > maxEntries {
      entries.removeFirst(entries.count - maxEntries)
      try? rewrite(entries)
    }
    return entries
  }

  /// Appends `entry` as one line, creating the directory and the file.
  func append(_ entry: String) throws {
    try createDirectory()
    let descriptor = open(url.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else {
      throw HistoryFileError(url: url, operation: "open", code: errno)
    }
    defer { close(descriptor) }

    let bytes = Array((entry + "\n").utf8)
    let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    guard written == bytes.count else {
      throw HistoryFileError(url: url, operation: "write", code: errno)
    }
  }

  /// Replaces the file with `entries` through a temporary file and a rename,
  /// so that a crash leaves either the old or the new history.
  private func rewrite(_ entries: [String]) throws {
    try createDirectory()
    let temporary = url.deletingLastPathComponent()
      .appendingPathComponent(".\(url.lastPathComponent).\(getpid())")
    let text = entries.map { $0 + "\n" }.joined()
    guard
      FileManager.default.createFile(
        atPath: temporary.path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
    else {
      throw HistoryFileError(url: temporary, operation: "create", code: errno)
    }
    guard rename(temporary.path, url.path) == 0 else {
      let code = errno
      unlink(temporary.path)
      throw HistoryFileError(url: url, operation: "rename", code: code)
    }
  }

  private func createDirectory() throws {
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true,
      attributes: [.posixPermissions: 0o700])
  }
}

/// The rule for the entered lines the shell stores in its history.
enum HistoryPolicy {
  /// Returns whether to store `line`: not blank, not equal to the entry
  /// before it, and not a `login` command, which may be followed by a
  /// token typed by mistake.
  static func shouldStore(_ line: String, after previous: String?) -> Bool {
    let trimmed = line.trimmingCharacters(in: .whitespaces)
    guard !trimmed.isEmpty, line != previous else {
      return false
    }

    let firstWord =
      ShellLineSplitter.scan(trimmed).words.first
      ?? String(trimmed.prefix { !$0.isWhitespace })
    return firstWord != "login"
  }
}

/// A history file operation that failed.
struct HistoryFileError: Error, CustomStringConvertible {
  let url: URL
  let operation: String
  let code: Int32

  var description: String {
    "cannot \(operation) history file \(url.path): \(String(cString: strerror(code)))"
  }
}
