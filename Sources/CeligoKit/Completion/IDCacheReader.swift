import Foundation

/// Reads the on-disk ID cache that list and get commands fill:
/// `${XDG_CACHE_HOME:-~/.cache}/celigo/PROFILE/KIND.tsv`, one
/// `ID<TAB>NAME<TAB>PARENT_ID` line per record. It never touches the network.
public enum IDCacheReader {
  /// Returns the cache folder of a profile.
  public static func directory(profile: String, environment: [String: String]) -> String {
    let base =
      environment["XDG_CACHE_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
      ?? (ConfigFile.homeDirectory(environment: environment) + "/.cache")
    return base + "/celigo/" + profile
  }

  /// Returns the file name that contains IDs of a kind, or nil for kinds the
  /// cache does not keep.
  public static func fileName(_ kind: ResourceKind) -> String? {
    switch kind {
    case .integration, .flow, .connection, .export, .import, .job, .tag, .user:
      return kind.rawValue + "s.tsv"
    case .cache:
      return "caches.tsv"
    case .error, .retryDataKey:
      return nil
    }
  }

  /// Returns cached IDs whose ID or name starts with `prefix` (names match
  /// without regard to case), with the name as the description, in file
  /// order (oldest first). An ID listed twice is returned once. When more
  /// than `limit` match, only the newest `limit` are returned, plus at most
  /// one older match that keeps the candidates' common prefix equal to that
  /// of all matches, so a shell never inserts text that rules out the rest.
  public static func candidates(
    _ kind: ResourceKind, prefix: String, directory: String, limit: Int = .max
  ) -> [CompletionCandidate] {
    guard let name = fileName(kind),
      let data = FileManager.default.contents(atPath: directory + "/" + name)
    else { return [] }
    return data.withUnsafeBytes { raw in
      let bytes = raw.bindMemory(to: UInt8.self)
      let matches = TSVMatcher(prefix: prefix).matches(in: bytes)
      return chosen(matches, in: bytes, limit: limit).map { match in
        CompletionCandidate(
          String(decoding: UnsafeBufferPointer(rebasing: bytes[match.id]), as: UTF8.self),
          String(decoding: UnsafeBufferPointer(rebasing: bytes[match.title]), as: UTF8.self))
      }
    }
  }

  /// Returns the newest `limit` of `matches`, plus the older match whose ID
  /// shares the shortest prefix with theirs when that prefix is shorter
  /// than the newest IDs' own common prefix, in file order.
  static func chosen(
    _ matches: [TSVMatcher.Match], in bytes: UnsafeBufferPointer<UInt8>, limit: Int
  ) -> [TSVMatcher.Match] {
    guard matches.count > limit, limit > 0 else { return matches }
    let newest = matches.suffix(limit)
    var common = newest.first!.id
    for match in newest.dropFirst() {
      common = common.lowerBound..<common.lowerBound + sharedLength(common, match.id, in: bytes)
    }
    var divergent: (match: TSVMatcher.Match, length: Int)?
    for match in matches.dropLast(limit) {
      let length = sharedLength(common, match.id, in: bytes)
      if length < (divergent?.length ?? common.count) { divergent = (match, length) }
    }
    guard let divergent else { return Array(newest) }
    return [divergent.match] + newest
  }

  /// Returns the number of leading bytes that `first` and `second` share.
  private static func sharedLength(
    _ first: Range<Int>, _ second: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>
  ) -> Int {
    var length = 0
    while length < first.count, length < second.count,
      bytes[first.lowerBound + length] == bytes[second.lowerBound + length]
    {
      length += 1
    }
    return length
  }
}
