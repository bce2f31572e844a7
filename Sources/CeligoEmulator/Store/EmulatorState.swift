import CeligoKit

/// Everything the emulator stores. Only `EmulatorStore` touches it, and
/// only while holding its lock.
final class EmulatorState {
  let options: EmulatorOptions
  /// The user the token belongs to; used for `canceledBy` and `resolvedBy`.
  let userId: String
  /// Emulator start time in epoch milliseconds; demo times are relative to it.
  let startedAt: Int64
  var generator: SeededGenerator
  /// Resource records by collection name, in list order.
  var collections: [String: [JSONValue]] = [:]
  /// Jobs in ascending `createdAt` order.
  var jobs: [JobRecord] = []
  var jobIndex: [String: Int] = [:]
  /// Step error logs keyed by `flowId/stepId`.
  var steps: [String: StepErrorLog] = [:]
  /// Lookup cache entries sorted by key, keyed by cache id.
  var cacheEntries: [String: [(key: String, value: JSONValue)]] = [:]
  var audit: [JSONValue] = []
  var debugLogs: [String: String] = [:]
  /// Open error counts keyed by flow job id, and by `flowJobId|stepId`.
  var openCounts: [String: Int] = [:]
  /// Jobs whose effects on step errors apply when they finish.
  var pendingJobIDs: [String] = []
  /// Record errors that a flow job adds to one step when it completes.
  var plannedErrors: [String: (stepKey: String, count: Int)] = [:]

  init(options: EmulatorOptions, startedAt: Int64) {
    self.options = options
    self.startedAt = startedAt
    var generator = SeededGenerator(seed: options.seed)
    userId = generator.objectId()
    self.generator = generator
  }

  /// Returns the record with `_id` == `id` in `collection`.
  func record(_ collection: String, id: String) -> JSONValue? {
    collections[collection]?.first(where: { $0["_id"]?.stringValue == id })
  }

  /// Returns the record or throws 404 with the resource's singular name.
  func require(_ collection: String, id: String) throws -> JSONValue {
    guard let found = record(collection, id: id) else {
      throw APIError.notFound("\(Self.singular(collection)) \(id)")
    }
    return found
  }

  /// Returns the records of `collection` whose `field` equals `value`.
  func records(_ collection: String, where field: String, is value: String) -> [JSONValue] {
    (collections[collection] ?? []).filter { $0[field]?.stringValue == value }
  }

  /// Appends a record to `collection`.
  func insert(_ record: JSONValue, into collection: String) {
    collections[collection, default: []].append(record)
  }

  /// Replaces the record with the same `_id`; returns false when absent.
  @discardableResult
  func replace(_ record: JSONValue, in collection: String) -> Bool {
    guard let id = record["_id"]?.stringValue,
      let index = collections[collection]?.firstIndex(where: { $0["_id"]?.stringValue == id })
    else { return false }
    collections[collection]?[index] = record
    return true
  }

  func job(_ id: String) -> JobRecord? {
    jobIndex[id].map { jobs[$0] }
  }

  func appendJob(_ job: JobRecord) {
    jobIndex[job.id] = jobs.count
    jobs.append(job)
  }

  /// Renders a job at `now` with its current open error count.
  func jobJSON(_ job: JobRecord, at now: Int64) -> JSONValue {
    let openKey: String
    switch job.kind {
    case .flow: openKey = job.id
    case .export: openKey = "\(job.flowJobId ?? "")|\(job.exportId ?? "")"
    case .import: openKey = "\(job.flowJobId ?? "")|\(job.importId ?? "")"
    case .retry: openKey = ""
    }
    return job.json(at: now, openErrors: openCounts[openKey] ?? 0)
  }

  /// Page generator export ids of a flow.
  func generatorIDs(ofFlow flow: JSONValue) -> [String] {
    (flow["pageGenerators"]?.arrayValue ?? []).compactMap { $0["_exportId"]?.stringValue }
  }

  /// Page processor ids of a flow: lookup exports and imports, in order.
  func processorIDs(ofFlow flow: JSONValue) -> [(type: String, id: String)] {
    (flow["pageProcessors"]?.arrayValue ?? []).compactMap { processor in
      if let id = processor["_importId"]?.stringValue { return ("import", id) }
      if let id = processor["_exportId"]?.stringValue { return ("export", id) }
      return nil
    }
  }

  static func singular(_ collection: String) -> String {
    switch collection {
    case "integrations": return "Integration"
    case "flows": return "Flow"
    case "connections": return "Connection"
    case "exports": return "Export"
    case "imports": return "Import"
    case "tags": return "Tag"
    case "ashares": return "User"
    case "lookupcaches": return "Lookup cache"
    case "jobs": return "Job"
    default: return "Resource"
    }
  }
}
