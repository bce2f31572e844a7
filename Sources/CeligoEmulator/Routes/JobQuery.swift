/// The filters of `GET /v1/jobs`, parsed and checked against the rule
/// that every query names a scope.
struct JobQuery {
  static let parentScopeFilters = [
    "_integrationId", "_flowId", "_exportId", "_importId", "_flowJobId", "_parentJobId", "createdAt_gte", "createdAt_lte",
  ]

  var kinds: Set<String>
  var statuses: Set<String>
  var integrationId: String?
  var flowIDs: Set<String>
  var exportId: String?
  var importId: String?
  var flowJobId: String?
  var createdFrom: Int64?
  var createdUntil: Int64?
  var startedFrom: Int64?
  var startedUntil: Int64?

  /// Parses the query, or throws 400 `invalid_query` when it lacks a
  /// required scope filter or has an invalid time.
  init(_ context: RouteContext) throws {
    let request = context.request
    // Arrays arrive repeated (`status=a&status=b`) or indexed (`type_in[0]=a`).
    func values(_ name: String) -> [String] {
      request.query.filter { $0.0 == name || $0.0 == name + "_in" || $0.0.hasPrefix(name + "_in[") }.map(\.1)
    }
    let present = { (name: String) in !values(name).isEmpty }
    let types = values("type")
    let parentTypes = ["flow", "retry", "bulk_retry"]
    if types.isEmpty || types.contains(where: parentTypes.contains), !Self.parentScopeFilters.contains(where: present) {
      throw APIError(
        status: 400, code: "invalid_query",
        message: "For parent jobs, query parameters must contain either \"_integrationId\" or \"_jobId\" or \"createdAt\"")
    }
    if types.contains(where: { $0 == "export" || $0 == "import" }),
      !["_flowJobId", "_parentJobId", "_exportId", "_importId"].contains(where: present)
    {
      throw APIError(
        status: 400, code: "invalid_query",
        message: "For child jobs, query parameters must contain either \"_flowJobId\" or \"_exportId\" or \"_importId\"")
    }
    flowJobId = request.queryValue("_flowJobId") ?? request.queryValue("_parentJobId")
    // Without a type the list contains parent jobs, plus children when filtered by flow job.
    kinds = Set(types)
    if kinds.isEmpty {
      kinds = flowJobId == nil ? ["flow", "retry"] : ["flow", "export", "import", "retry"]
    }
    statuses = Set(values("status"))
    integrationId = request.queryValue("_integrationId")
    flowIDs = Set(values("_flowId"))
    exportId = request.queryValue("_exportId")
    importId = request.queryValue("_importId")
    createdFrom = try context.timeFilter("createdAt_gte")
    createdUntil = try context.timeFilter("createdAt_lte")
    startedFrom = try context.timeFilter("startedAt_gte")
    startedUntil = try context.timeFilter("startedAt_lte")
  }

  /// Returns whether `job` passes every filter at `now`.
  func matches(_ job: JobRecord, at now: Int64) -> Bool {
    guard kinds.contains(job.kind.rawValue) else { return false }
    if let integrationId, job.integrationId != integrationId { return false }
    if !flowIDs.isEmpty, !flowIDs.contains(job.flowId ?? "") { return false }
    if let exportId, job.exportId != exportId, !job.exportIDs.contains(exportId) { return false }
    if let importId, job.importId != importId { return false }
    if let flowJobId, job.flowJobId != flowJobId { return false }
    if let createdFrom, job.createdAt < createdFrom { return false }
    if let createdUntil, job.createdAt > createdUntil { return false }
    if startedFrom != nil || startedUntil != nil {
      guard now >= job.startAt, job.canceledAt.map({ $0 >= job.startAt }) ?? true else { return false }
      if let startedFrom, job.startAt < startedFrom { return false }
      if let startedUntil, job.startAt > startedUntil { return false }
    }
    return statuses.isEmpty || statuses.contains(job.status(at: now).rawValue)
  }
}
