/// One cached ID with the name shown beside it and the ID of its parent:
/// a flow's integration, or an export's or import's flow (or its
/// integration when no flow lists it). `parent` is empty when there is none.
public struct CachedID: Sendable, Equatable {
  public let id: String
  public let name: String
  public let parent: String
  /// The name in lower case, for case-insensitive matching.
  public let foldedName: String

  public init(id: String, name: String, parent: String) {
    self.id = id
    self.name = name
    self.parent = parent
    self.foldedName = name.lowercased()
  }

  /// Returns the same ID with another parent.
  func withParent(_ parent: String) -> CachedID {
    CachedID(id: id, name: name, parent: parent)
  }

  public static func == (lhs: CachedID, rhs: CachedID) -> Bool {
    lhs.id == rhs.id && lhs.name == rhs.name && lhs.parent == rhs.parent
  }
}

extension ResourceKind {
  /// The kinds the ID cache keeps, each in a file named after the
  /// resource word (`flows.tsv`).
  public static let cached: [ResourceKind] = [
    .integration, .flow, .connection, .export, .import, .job, .tag, .cache, .user,
  ]

  /// The key that contains a record's ID: `errorId` for errors, else `_id`.
  public var idField: String {
    self == .error ? "errorId" : "_id"
  }

  /// Returns the ID of a record of this kind, or nil when it has none.
  public func id(of record: JSONValue) -> String? {
    record[idField]?.stringValue ?? record[idField].map(\.cellText)
  }
}
