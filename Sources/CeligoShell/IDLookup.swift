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
    let index = cache.index(kind)
    guard let positions = positions(in: index, kind, in: scope) else { return index.entries }
    return positions.map { index.entries[$0] }
  }

  /// Returns the positions in `index` (the entries of `kind`) of the
  /// entries that belong to `scope`, oldest first, or nil for every entry,
  /// by the same rules as `entries(_:in:)`.
  func positions(in index: IDIndex, _ kind: ResourceKind, in scope: IDScope) -> [Int]? {
    guard let parents = parents(of: kind, in: scope) else { return nil }
    let scoped = index.positions(withParentIn: parents)
    return scoped.isEmpty ? nil : scoped
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
      let flowIndex = cache.index(.flow)
      var flows = Set(flowIndex.positions(withParentIn: [integration]).map { flowIndex.entries[$0].id })
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

  /// True for a 24-character hexadecimal ObjectId.
  static func isObjectId(_ word: String) -> Bool {
    word.utf8.count == 24 && word.allSatisfy(\.isHexDigit)
  }
}
