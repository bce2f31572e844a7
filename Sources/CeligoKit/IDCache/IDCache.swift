import Foundation

/// IDs and names of one profile's resources, kept in memory and in one
/// tab-separated file per kind, so that the shell and shell completion
/// scripts can offer IDs by name without calling the API. It stores IDs,
/// names and parent IDs only: never tokens or record bodies.
public final class IDCache: @unchecked Sendable {
  /// Maximum number of entries per kind; recording more drops the oldest.
  public static let maxEntries = 50_000

  /// The profile's cache directory, or nil for a cache kept in memory only.
  public let directory: URL?
  private let lock = NSLock()
  private var tables: [ResourceKind: IDTable] = [:]
  private var loaded: Set<ResourceKind> = []
  private var changed: Set<ResourceKind> = []

  public init(directory: URL?) {
    self.directory = directory
  }

  /// Returns `${XDG_CACHE_HOME:-~/.cache}/celigo/PROFILE`, reading both
  /// variables from `environment`. Characters other than letters, digits,
  /// `.`, `-` and `_` in the profile name become `_`, so a name cannot
  /// leave the cache directory.
  public static func directory(profile: String, environment: [String: String]) -> URL {
    let cacheHome: URL
    if let configured = environment["XDG_CACHE_HOME"], configured.hasPrefix("/") {
      cacheHome = URL(fileURLWithPath: configured, isDirectory: true)
    } else {
      let home =
        environment["HOME"].flatMap { $0.isEmpty ? nil : $0 }
        ?? FileManager.default.homeDirectoryForCurrentUser.path
      cacheHome = URL(fileURLWithPath: home, isDirectory: true).appendingPathComponent(".cache")
    }
    var safe = String(profile.map { $0.isLetter || $0.isNumber || "-_.".contains($0) ? $0 : "_" })
    if safe.isEmpty || safe.hasPrefix(".") { safe = "_" + safe }
    return cacheHome.appendingPathComponent("celigo").appendingPathComponent(safe, isDirectory: true)
  }

  /// Returns the cached IDs of `kind`, oldest first.
  public func entries(_ kind: ResourceKind) -> [CachedID] {
    lock.withLock { ordered(kind) }
  }

  /// Returns the cached IDs of `kind` indexed for completion. The index is
  /// built on the first call after a change, then shared.
  public func index(_ kind: ResourceKind) -> IDIndex {
    lock.withLock {
      var current = table(kind)
      let index = current.index()
      tables[kind] = current
      return index
    }
  }

  /// Returns the cached entry of one ID, or nil.
  public func entry(_ kind: ResourceKind, id: String) -> CachedID? {
    lock.withLock { table(kind).entry(id) }
  }

  /// Records the IDs, names and parents of records printed by a command.
  public func record(_ kind: ResourceKind, _ records: [JSONValue]) {
    guard ResourceKind.cached.contains(kind), !records.isEmpty else { return }
    lock.withLock { apply(kind, records) }
  }

  /// Replaces the entries of each kind with complete lists, such as the
  /// shell's warm-up fetched, so deleted resources disappear. Flows apply
  /// last, because they set the parents of exports and imports.
  public func replace(_ lists: [ResourceKind: [JSONValue]]) {
    lock.withLock {
      let order = ResourceKind.cached.filter { $0 != .flow } + [.flow]
      for kind in order {
        guard let records = lists[kind] else { continue }
        _ = table(kind)
        tables[kind] = IDTable()
        changed.insert(kind)
        apply(kind, records)
      }
    }
  }

  /// Forgets what is in memory, so the next read loads the files again.
  public func reload() {
    lock.withLock {
      tables = [:]
      loaded = []
      changed = []
    }
  }

  /// Writes every changed kind to its file. Does nothing for a cache kept
  /// in memory only.
  // NOTE: a kind's file is replaced with this process's table, so IDs that
  // another process recorded after this one read the file are lost.
  public func save() throws {
    guard let directory else { return }
    let pending = lock.withLock { () -> [(ResourceKind, [CachedID])] in
      defer { changed = [] }
      return changed.map { ($0, ordered($0)) }
    }
    for (kind, entries) in pending {
      try IDCacheFile(directory: directory, kind: kind).write(entries)
    }
  }

  /// Returns the table of `kind`, reading its file on first use. Call it
  /// with the lock held.
  func table(_ kind: ResourceKind) -> IDTable {
    if !loaded.contains(kind) {
      loaded.insert(kind)
      if let directory {
        var table = IDTable()
        for entry in IDCacheFile(directory: directory, kind: kind).read() {
          table.put(entry)
        }
        tables[kind] = table
      }
    }
    return tables[kind] ?? IDTable()
  }

  /// Returns the entries of `kind`, oldest first, keeping the sorted array
  /// in the table. Call it with the lock held.
  private func ordered(_ kind: ResourceKind) -> [CachedID] {
    var current = table(kind)
    let entries = current.all()
    tables[kind] = current
    return entries
  }

  /// Changes the table of `kind` with `change`. Call it with the lock held.
  func update(_ kind: ResourceKind, _ change: (inout IDTable) -> Void) {
    var current = table(kind)
    change(&current)
    current.trim(to: Self.maxEntries)
    tables[kind] = current
    changed.insert(kind)
  }
}
