/// How records of each kind become cache entries.
extension IDCache {
  /// Adds the entries of `records`. Call it with the lock held.
  func apply(_ kind: ResourceKind, _ records: [JSONValue]) {
    switch kind {
    case .flow:
      applyFlows(records)
    case .export, .import:
      // A step's flow, learned from a flow list, is more precise than the
      // `_integrationId` of the step record, so it is kept.
      let flows = table(.flow)
      update(kind) { table in
        for record in records {
          guard let id = kind.id(of: record) else { continue }
          let known = table.entry(id)?.parent ?? ""
          let parent =
            flows.entry(known) != nil ? known : record["_integrationId"]?.stringValue ?? ""
          table.put(CachedID(id: id, name: Self.name(of: record, kind), parent: parent))
        }
      }
    default:
      update(kind) { table in
        for record in records {
          guard let id = kind.id(of: record) else { continue }
          table.put(CachedID(id: id, name: Self.name(of: record, kind), parent: Self.parent(of: record, kind)))
        }
      }
    }
  }

  /// Adds flows, and makes each flow the parent of its exports
  /// (`pageGenerators[]._exportId`, lookups in `pageProcessors[]._exportId`)
  /// and imports (`pageProcessors[]._importId`).
  private func applyFlows(_ records: [JSONValue]) {
    var exports: [(step: String, flow: String)] = []
    var imports: [(step: String, flow: String)] = []
    update(.flow) { table in
      for record in records {
        guard let id = record["_id"]?.stringValue else { continue }
        table.put(CachedID(id: id, name: Self.name(of: record, .flow), parent: Self.parent(of: record, .flow)))
        for generator in record["pageGenerators"]?.arrayValue ?? [] {
          if let step = generator["_exportId"]?.stringValue { exports.append((step, id)) }
        }
        for processor in record["pageProcessors"]?.arrayValue ?? [] {
          if let step = processor["_importId"]?.stringValue { imports.append((step, id)) }
          if let step = processor["_exportId"]?.stringValue { exports.append((step, id)) }
        }
      }
    }
    if !exports.isEmpty {
      update(.export) { table in exports.forEach { table.setParent($0.flow, of: $0.step) } }
    }
    if !imports.isEmpty {
      update(.import) { table in imports.forEach { table.setParent($0.flow, of: $0.step) } }
    }
  }

  /// Returns the text shown beside an ID: the name, a tag's label, a
  /// user's email, or a job's type, status and creation time.
  static func name(of record: JSONValue, _ kind: ResourceKind) -> String {
    switch kind {
    case .tag:
      return record["tag"]?.stringValue ?? ""
    case .user:
      return record["sharedWithUser"]?["email"]?.stringValue ?? record["sharedWithUser"]?["name"]?.stringValue ?? ""
    case .job:
      return ["type", "status", "createdAt"].compactMap { record[$0]?.stringValue }.joined(separator: " ")
    default:
      return record["name"]?.stringValue ?? ""
    }
  }

  static func parent(of record: JSONValue, _ kind: ResourceKind) -> String {
    switch kind {
    case .job:
      return record["_flowId"]?.stringValue ?? ""
    case .integration, .tag, .user:
      return ""
    default:
      return record["_integrationId"]?.stringValue ?? ""
    }
  }
}
