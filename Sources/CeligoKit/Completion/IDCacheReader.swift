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
  /// without regard to case), with the name as the description.
  public static func candidates(
    _ kind: ResourceKind, prefix: String, directory: String
  ) -> [CompletionCandidate] {
    guard let name = fileName(kind),
      let data = FileManager.default.contents(atPath: directory + "/" + name)
    else { return [] }
    let lowered = prefix.lowercased()
    var result: [CompletionCandidate] = []
    var seen = Set<Substring>()
    for line in data.split(separator: UInt8(ascii: "\n")) {
      let fields = line.split(separator: UInt8(ascii: "\t"), maxSplits: 2, omittingEmptySubsequences: false)
      guard fields.count >= 2 else { continue }
      let id = Substring(decoding: fields[0], as: UTF8.self)
      let title = String(decoding: fields[1], as: UTF8.self)
      guard id.hasPrefix(prefix) || title.lowercased().hasPrefix(lowered), seen.insert(id).inserted else {
        continue
      }
      result.append(CompletionCandidate(String(id), title))
    }
    return result
  }
}
