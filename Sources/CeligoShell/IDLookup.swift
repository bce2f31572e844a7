import CeligoKit

/// The integration and flow that narrow the IDs offered or accepted: from
/// the command line's own `--integration` and `--flow`, or the context.
struct IDScope: Equatable {
  var integration: String?
  var flow: String?
}

/// The outcome of reading a word as an ID.
enum IDResolution: Equatable {
  case found(String)
  case ambiguous([CachedID])
  case notFound
}

/// Finds cached IDs by ID prefix or by name, within a scope.
struct IDLookup {
  let cache: IDCache

  /// Returns the entries of `kind` that belong to `scope`: flows of its
  /// integration, steps of its flow (or of the integration's flows), jobs
  /// of its flow. With no scope, or when the scope leaves nothing (the
  /// cache may not know the parents), returns every entry.
  func entries(_ kind: ResourceKind, in scope: IDScope) -> [CachedID] {
    let all = cache.entries(kind)
    guard let parents = parents(of: kind, in: scope) else { return all }
    let scoped = all.filter { parents.contains($0.parent) }
    return scoped.isEmpty ? all : scoped
  }

  /// Returns the IDs a parent of `kind` may have within `scope`, or nil
  /// when the scope does not narrow `kind`.
  private func parents(of kind: ResourceKind, in scope: IDScope) -> Set<String>? {
    switch kind {
    case .flow, .connection, .cache:
      return scope.integration.map { [$0] }
    case .export, .import, .job:
      if let flow = scope.flow { return [flow] }
      guard let integration = scope.integration else { return nil }
      var flows = Set(cache.entries(.flow).filter { $0.parent == integration }.map(\.id))
      if kind != .job { flows.insert(integration) }
      return flows
    default:
      return nil
    }
  }

  /// Reads `word` as an ID of `kind`: a whole ID, an exact name, an ID
  /// prefix, a name prefix, or the start of a word of the name, in that
  /// order. IDs within `scope` are tried before all others.
  func resolve(_ word: String, _ kind: ResourceKind, in scope: IDScope) -> IDResolution {
    if Self.isObjectId(word) { return .found(word.lowercased()) }
    let scoped = entries(kind, in: scope)
    let inScope = Self.resolve(word, among: scoped)
    guard inScope == .notFound, scoped.count != cache.entries(kind).count else { return inScope }
    return Self.resolve(word, among: cache.entries(kind))
  }

  static func resolve(_ word: String, among entries: [CachedID]) -> IDResolution {
    let folded = word.lowercased()
    let stages: [(CachedID) -> Bool] = [
      { $0.foldedName == folded },
      { $0.id.hasPrefix(folded) },
      { $0.foldedName.hasPrefix(folded) },
      { $0.foldedName.contains(" " + folded) },
    ]
    for stage in stages {
      let found = entries.filter(stage)
      if found.count == 1, let only = found.first { return .found(only.id) }
      if found.count > 1 { return .ambiguous(found) }
    }
    return .notFound
  }

  /// Returns the entries a partly typed word may complete to: by ID prefix,
  /// by name prefix or by the start of a word of the name (ignoring case).
  /// Only the newest `limit` matches are returned, but all are counted.
  static func completions(of word: String, among entries: [CachedID], limit: Int) -> IDMatches {
    let pattern = Array(word.lowercased().utf8)
    var found = IDMatches()
    for entry in entries.reversed() {
      if Self.hasPrefix(entry.id, pattern) {
        found.add(entry, byID: true, limit: limit)
      } else if !pattern.isEmpty, Self.nameMatches(entry.foldedName, pattern) {
        found.add(entry, byID: false, limit: limit)
      }
    }
    return found
  }

  /// Compares UTF-8 bytes, because `String.hasPrefix` over 50,000 entries
  /// is too slow for completion at every Tab.
  static func hasPrefix(_ text: String, _ pattern: [UInt8]) -> Bool {
    var text = text
    return text.withUTF8 { bytes in
      guard bytes.count >= pattern.count else { return false }
      var index = 0
      while index < pattern.count {
        if bytes[index] != pattern[index] { return false }
        index += 1
      }
      return true
    }
  }

  /// True when `pattern` starts the name or one of its words.
  static func nameMatches(_ name: String, _ pattern: [UInt8]) -> Bool {
    var name = name
    return name.withUTF8 { bytes in
      guard bytes.count >= pattern.count, let first = pattern.first else { return false }
      let space = UInt8(ascii: " ")
      var start = 0
      while start + pattern.count <= bytes.count {
        if bytes[start] == first, start == 0 || bytes[start - 1] == space {
          var index = 1
          while index < pattern.count, bytes[start + index] == pattern[index] { index += 1 }
          if index == pattern.count { return true }
        }
        start += 1
      }
      return false
    }
  }

  /// True for a 24-character hexadecimal ObjectId.
  static func isObjectId(_ word: String) -> Bool {
    word.utf8.count == 24 && word.allSatisfy(\.isHexDigit)
  }
}

/// The matches of a partly typed ID or name.
struct IDMatches {
  /// The newest matches, newest first, at most the limit given.
  var newest: [CachedID] = []
  /// The number of all matches.
  var count = 0
  /// True when every match is an ID prefix match, so typing more of the
  /// ID can narrow them.
  var byID = true
  /// The longest common prefix of the matches' IDs, while `byID` holds.
  var commonPrefix: [UInt8] = []

  mutating func add(_ entry: CachedID, byID isIDMatch: Bool, limit: Int) {
    if newest.count < limit { newest.append(entry) }
    byID = byID && isIDMatch
    if count == 0 {
      commonPrefix = Array(entry.id.utf8)
    } else if byID, !commonPrefix.isEmpty {
      var id = entry.id
      let shared = id.withUTF8 { bytes in
        var index = 0
        while index < commonPrefix.count, index < bytes.count, bytes[index] == commonPrefix[index] { index += 1 }
        return index
      }
      commonPrefix.removeLast(commonPrefix.count - shared)
    }
    count += 1
  }
}
