/// Records a command printed, reported to `OutputWriter.onRecords` so that
/// the ID cache and the shell's `$1`, `$2` handles learn their IDs without
/// any handler knowing about them.
public struct PrintedRecords: Sendable {
  public let kind: ResourceKind
  public let records: [JSONValue]
  /// True for rows of a list, false for one record printed by `get`.
  public let isList: Bool

  public init(kind: ResourceKind, records: [JSONValue], isList: Bool) {
    self.kind = kind
    self.records = records
    self.isList = isList
  }
}

extension TableLayout {
  /// The kind of the rows of this layout, or nil for rows without an ID of
  /// their own (audit entries, cache data, dependencies, summaries).
  public var resourceKind: ResourceKind? {
    switch self {
    case .integrations: return .integration
    case .flows: return .flow
    case .connections: return .connection
    case .exports: return .export
    case .imports: return .import
    case .jobs, .latestJobs: return .job
    case .errors, .resolvedErrors: return .error
    case .caches: return .cache
    case .tags: return .tag
    case .users: return .user
    case .cacheData, .audit, .dependencies, .integrationErrors, .flowErrors, .debugLog: return nil
    }
  }
}
