/// The cached IDs of one kind, with the order they were last recorded in,
/// so that the oldest can be dropped when the table is full.
struct IDTable {
  private var entries: [String: (entry: CachedID, sequence: Int)] = [:]
  private var nextSequence = 0
  private var ordered: [CachedID]?
  private var built: IDIndex?

  var count: Int { entries.count }

  /// Returns the entry for `id`, or nil.
  func entry(_ id: String) -> CachedID? {
    entries[id]?.entry
  }

  /// Inserts or replaces an entry and marks it the most recent.
  mutating func put(_ entry: CachedID) {
    entries[entry.id] = (entry, nextSequence)
    nextSequence += 1
    ordered = nil
    built = nil
  }

  /// Changes the parent of an entry in place, keeping its age; an unknown
  /// ID is added with no name.
  mutating func setParent(_ parent: String, of id: String) {
    if let existing = entries[id] {
      guard existing.entry.parent != parent else { return }
      entries[id] = (existing.entry.withParent(parent), existing.sequence)
      ordered = nil
      built = nil
    } else {
      put(CachedID(id: id, name: "", parent: parent))
    }
  }

  /// Drops the oldest entries until at most `limit` remain.
  mutating func trim(to limit: Int) {
    guard entries.count > limit else { return }
    let oldest = entries.values.sorted { $0.sequence < $1.sequence }.prefix(entries.count - limit)
    for item in oldest {
      entries[item.entry.id] = nil
    }
    ordered = nil
    built = nil
  }

  /// Returns every entry, oldest first. The array is kept until the next
  /// change, so repeated completions do not sort again.
  mutating func all() -> [CachedID] {
    if let ordered { return ordered }
    let sorted = entries.values.sorted { $0.sequence < $1.sequence }.map(\.entry)
    ordered = sorted
    return sorted
  }

  /// Returns the completion index of every entry, kept like `all()` until
  /// the next change.
  mutating func index() -> IDIndex {
    if let built { return built }
    let index = IDIndex(all())
    built = index
    return index
  }
}
