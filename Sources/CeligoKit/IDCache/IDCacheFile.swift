import Foundation

/// One kind's cache file, such as `flows.tsv`: a line per ID,
/// `ID<TAB>NAME<TAB>PARENT_ID`, oldest first. Shell completion scripts read
/// the same files, so the format is fixed: tabs and line breaks in names
/// become spaces, and the parent field is empty when there is none.
struct IDCacheFile {
  let directory: URL
  let kind: ResourceKind

  var url: URL {
    directory.appendingPathComponent("\(kind.command).tsv", isDirectory: false)
  }

  /// Reads the entries; a missing or unreadable file gives none, and lines
  /// with fewer than two fields are skipped.
  func read() -> [CachedID] {
    guard let data = FileManager.default.contents(atPath: url.path) else { return [] }
    var entries: [CachedID] = []
    for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
      let fields = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
      guard fields.count >= 2, !fields[0].isEmpty else { continue }
      entries.append(
        CachedID(id: String(fields[0]), name: String(fields[1]), parent: fields.count > 2 ? String(fields[2]) : ""))
    }
    return entries
  }

  /// Replaces the file through a temporary file and a rename, so a reader
  /// sees either the old or the new list. The directory is created with
  /// mode 0700 and the file with 0600.
  func write(_ entries: [CachedID]) throws {
    try FileManager.default.createDirectory(
      at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    var text = ""
    text.reserveCapacity(entries.count * 64)
    for entry in entries {
      text += Self.clean(entry.id) + "\t" + Self.clean(entry.name) + "\t" + Self.clean(entry.parent) + "\n"
    }
    let temporary = directory.appendingPathComponent(".\(kind.command).tsv.\(getpid()).\(UInt32.random(in: 0...UInt32.max))")
    guard
      FileManager.default.createFile(
        atPath: temporary.path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
    else {
      throw CeligoError.configuration("cannot write the ID cache file \(temporary.path)")
    }
    guard rename(temporary.path, url.path) == 0 else {
      let reason = String(cString: strerror(errno))
      unlink(temporary.path)
      throw CeligoError.configuration("cannot replace the ID cache file \(url.path): \(reason)")
    }
  }

  static func clean(_ field: String) -> String {
    guard field.contains(where: { $0 == "\t" || $0.isNewline }) else { return field }
    return String(field.map { $0 == "\t" || $0.isNewline ? " " : $0 })
  }
}
