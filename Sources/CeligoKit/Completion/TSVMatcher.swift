import Foundation

/// Finds the lines of a cache file whose ID or name starts with a prefix,
/// comparing bytes and building no `String` for ASCII text. Where a
/// non-ASCII byte makes the result depend on Unicode case folding or
/// grapheme clusters, it compares as `String.hasPrefix` on `lowercased()`.
struct TSVMatcher {
  /// The byte ranges of one line's ID and name.
  struct Match {
    var id: Range<Int>
    var title: Range<Int>
  }

  let prefix: String
  let lowered: String
  private let idPattern: [UInt8]
  private let namePattern: [UInt8]

  init(prefix: String) {
    self.prefix = prefix
    self.lowered = prefix.lowercased()
    self.idPattern = Array(prefix.utf8)
    self.namePattern = Array(lowered.utf8)
  }

  /// Returns the matching lines in file order, the first line of each ID.
  /// Lines with no tab are skipped.
  func matches(in bytes: UnsafeBufferPointer<UInt8>) -> [Match] {
    let newline = UInt8(ascii: "\n")
    let tab = UInt8(ascii: "\t")
    var found: [Match] = []
    var seen = Set<ByteString>(minimumCapacity: bytes.count / 32)
    var lineStart = 0
    while lineStart < bytes.count {
      var lineEnd = lineStart
      var firstTab = -1
      var secondTab = -1
      while lineEnd < bytes.count, bytes[lineEnd] != newline {
        if bytes[lineEnd] == tab {
          if firstTab < 0 {
            firstTab = lineEnd
          } else if secondTab < 0 {
            secondTab = lineEnd
          }
        }
        lineEnd += 1
      }
      defer { lineStart = lineEnd + 1 }
      guard firstTab >= 0 else { continue }
      let match = Match(id: lineStart..<firstTab, title: firstTab + 1..<(secondTab < 0 ? lineEnd : secondTab))
      guard matches(match, in: bytes),
        seen.insert(ByteString(start: bytes.baseAddress! + match.id.lowerBound, count: match.id.count)).inserted
      else { continue }
      found.append(match)
    }
    return found
  }

  private func matches(_ match: Match, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let id = UnsafeBufferPointer(rebasing: bytes[match.id])
    if let isPrefix = Self.startsWith(id, idPattern, folding: false) {
      if isPrefix { return true }
    } else if String(decoding: id, as: UTF8.self).hasPrefix(prefix) {
      return true
    }
    let title = UnsafeBufferPointer(rebasing: bytes[match.title])
    if let isPrefix = Self.startsWith(title, namePattern, folding: true) { return isPrefix }
    return String(decoding: title, as: UTF8.self).lowercased().hasPrefix(lowered)
  }

  /// Returns whether `pattern` starts `field`, lower-casing the field's
  /// ASCII letters when `folding`, or nil when a non-ASCII byte in either
  /// leaves the comparison to `String`.
  static func startsWith(_ field: UnsafeBufferPointer<UInt8>, _ pattern: [UInt8], folding: Bool) -> Bool? {
    var index = 0
    while index < pattern.count {
      guard index < field.count else { return false }
      var byte = field[index]
      if byte >= 0x80 || pattern[index] >= 0x80 { return nil }
      if folding, byte >= UInt8(ascii: "A"), byte <= UInt8(ascii: "Z") { byte += 32 }
      if byte != pattern[index] { return false }
      index += 1
    }
    // A combining mark after the prefix would join its last character.
    if index < field.count, field[index] >= 0x80 { return nil }
    return true
  }
}

/// A view of bytes in a buffer that outlives the set it is kept in.
private struct ByteString: Hashable {
  let start: UnsafePointer<UInt8>
  let count: Int

  static func == (lhs: ByteString, rhs: ByteString) -> Bool {
    lhs.count == rhs.count && memcmp(lhs.start, rhs.start, lhs.count) == 0
  }

  /// Feeds the hasher one FNV-1a value of the bytes, because
  /// `Hasher.combine(bytes:)` took about a third of a 50,000-line scan
  /// when profiled with perf.
  func hash(into hasher: inout Hasher) {
    var value: UInt64 = 0xcbf2_9ce4_8422_2325
    for index in 0..<count {
      value = (value ^ UInt64(start[index])) &* 0x100_0000_01b3
    }
    hasher.combine(value)
  }
}
