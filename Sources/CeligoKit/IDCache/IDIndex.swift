/// The cached IDs of one kind, oldest first, with every ID and folded name
/// copied into one contiguous UTF-8 buffer each, and the positions of each
/// parent's entries. Completion then scans 50,000 entries at each Tab
/// without touching a `String` or hashing one. It is built once per change
/// of the kind's table.
public final class IDIndex: Sendable {
  /// The entries, oldest first. Positions elsewhere index this array.
  public let entries: [CachedID]
  private let idBytes: [UInt8]
  /// `idStarts[i]..<idStarts[i + 1]` is entry `i`'s ID in `idBytes`.
  private let idStarts: [Int]
  private let nameBytes: [UInt8]
  /// `nameStarts[i]..<nameStarts[i + 1]` is entry `i`'s folded name.
  private let nameStarts: [Int]
  /// The positions of each parent's entries, in ascending order.
  private let positionsByParent: [String: [Int]]

  public init(_ entries: [CachedID]) {
    self.entries = entries
    var idBytes: [UInt8] = []
    var nameBytes: [UInt8] = []
    var idStarts = [0]
    var nameStarts = [0]
    var positionsByParent: [String: [Int]] = [:]
    idBytes.reserveCapacity(entries.count * 24)
    idStarts.reserveCapacity(entries.count + 1)
    nameStarts.reserveCapacity(entries.count + 1)
    for (position, entry) in entries.enumerated() {
      idBytes.append(contentsOf: entry.id.utf8)
      idStarts.append(idBytes.count)
      nameBytes.append(contentsOf: entry.foldedName.utf8)
      nameStarts.append(nameBytes.count)
      positionsByParent[entry.parent, default: []].append(position)
    }
    self.idBytes = idBytes
    self.idStarts = idStarts
    self.nameBytes = nameBytes
    self.nameStarts = nameStarts
    self.positionsByParent = positionsByParent
  }

  /// Returns the positions of the entries whose parent is in `parents`,
  /// oldest first.
  public func positions(withParentIn parents: Set<String>) -> [Int] {
    var found: [Int] = []
    for parent in parents {
      found.append(contentsOf: positionsByParent[parent] ?? [])
    }
    if parents.count > 1 { found.sort() }
    return found
  }

  /// Returns the entries a partly typed word may complete to: by ID prefix,
  /// by name prefix or by the start of a word of the name (ignoring case).
  /// Only the entries at `positions` (ascending) are searched, or all when
  /// it is nil. Only the newest `limit` matches are kept, but all are counted.
  public func completions(of word: String, at positions: [Int]?, limit: Int) -> IDMatches {
    let pattern = Array(word.lowercased().utf8)
    var matches = IDMatches()
    // The common prefix is kept as a length of the first match's ID.
    var firstStart = 0
    var commonLength = 0
    idBytes.withUnsafeBufferPointer { ids in
      nameBytes.withUnsafeBufferPointer { names in
        pattern.withUnsafeBufferPointer { pattern in
          var remaining = positions?.count ?? entries.count
          while remaining > 0 {
            remaining -= 1
            let position = positions?[remaining] ?? remaining
            let idStart = idStarts[position]
            let idEnd = idStarts[position + 1]
            let isIDMatch = Self.hasPrefix(ids, idStart..<idEnd, pattern)
            if !isIDMatch {
              guard !pattern.isEmpty,
                Self.nameMatches(names, nameStarts[position]..<nameStarts[position + 1], pattern)
              else { continue }
            }
            if matches.newest.count < limit { matches.newest.append(entries[position]) }
            matches.byID = matches.byID && isIDMatch
            if matches.count == 0 {
              firstStart = idStart
              commonLength = idEnd - idStart
            } else if matches.byID, commonLength > 0 {
              var shared = 0
              let length = min(commonLength, idEnd - idStart)
              while shared < length, ids[idStart + shared] == ids[firstStart + shared] { shared += 1 }
              commonLength = shared
            }
            matches.count += 1
          }
        }
      }
    }
    matches.commonPrefix = Array(idBytes[firstStart..<firstStart + commonLength])
    return matches
  }

  /// True when `pattern` starts `bytes[range]`.
  private static func hasPrefix(
    _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ pattern: UnsafeBufferPointer<UInt8>
  ) -> Bool {
    guard range.count >= pattern.count else { return false }
    var index = 0
    while index < pattern.count {
      if bytes[range.lowerBound + index] != pattern[index] { return false }
      index += 1
    }
    return true
  }

  /// True when `pattern` starts the name at `bytes[range]` or one of its
  /// words. `pattern` must not be empty.
  private static func nameMatches(
    _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ pattern: UnsafeBufferPointer<UInt8>
  ) -> Bool {
    let first = pattern[0]
    let space = UInt8(ascii: " ")
    var start = range.lowerBound
    while start + pattern.count <= range.upperBound {
      if bytes[start] == first, start == range.lowerBound || bytes[start - 1] == space {
        var index = 1
        while index < pattern.count, bytes[start + index] == pattern[index] { index += 1 }
        if index == pattern.count { return true }
      }
      start += 1
    }
    return false
  }
}

/// The matches of a partly typed ID or name.
public struct IDMatches: Sendable {
  /// The newest matches, newest first, at most the limit given.
  public var newest: [CachedID] = []
  /// The number of all matches.
  public var count = 0
  /// True when every match is an ID prefix match, so typing more of the
  /// ID can narrow them.
  public var byID = true
  /// The longest common prefix of the matches' IDs, while `byID` is true.
  public var commonPrefix: [UInt8] = []

  public init() {}
}
