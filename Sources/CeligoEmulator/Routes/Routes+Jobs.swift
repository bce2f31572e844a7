import CeligoKit

extension Router {
  /// Most jobs one `GET /v1/jobs` returns.
  static let maxJobsPerList = 1001
  static let parentScopeFilters = ["_integrationId", "_flowId", "_exportId", "_importId", "_flowJobId", "createdAt_gte", "createdAt_lte"]

  static let jobRoutes: [Route] = [
    Route("GET", "jobs") { context in
      let request = context.request
      let types = request.queryValues("type")
      let has = { (name: String) in request.queryValue(name) != nil }
      let parentTypes = ["flow", "retry", "bulk_retry"]
      if types.isEmpty || types.contains(where: parentTypes.contains), !parentScopeFilters.contains(where: has) {
        throw APIError(
          status: 400, code: "invalid_query",
          message: "For parent jobs, query parameters must contain either \"_integrationId\" or \"_jobId\" or \"createdAt\"")
      }
      if types.contains(where: { $0 == "export" || $0 == "import" }), !["_flowJobId", "_exportId", "_importId"].contains(where: has) {
        throw APIError(
          status: 400, code: "invalid_query",
          message: "For child jobs, query parameters must contain either \"_flowJobId\" or \"_exportId\" or \"_importId\"")
      }
      // Without a type the list contains parent jobs, plus children when filtered by flow job.
      var kinds = Set(types)
      if kinds.isEmpty {
        kinds = has("_flowJobId") ? ["flow", "export", "import", "retry"] : ["flow", "retry"]
      }
      let statuses = Set(request.queryValues("status"))
      let from = try context.timeFilter("createdAt_gte")
      let until = try context.timeFilter("createdAt_lte")
      let integrationId = request.queryValue("_integrationId")
      let flowId = request.queryValue("_flowId")
      let exportId = request.queryValue("_exportId")
      let importId = request.queryValue("_importId")
      let flowJobId = request.queryValue("_flowJobId")
      let now = context.now
      var matches = context.state.jobs.filter { job in
        kinds.contains(job.kind.rawValue)
          && (integrationId == nil || job.integrationId == integrationId)
          && (flowId == nil || job.flowId == flowId)
          && (exportId == nil || job.exportId == exportId || job.exportIDs.contains(exportId ?? ""))
          && (importId == nil || job.importId == importId)
          && (flowJobId == nil || job.flowJobId == flowJobId)
          && (from.map { job.createdAt >= $0 } ?? true)
          && (until.map { job.createdAt <= $0 } ?? true)
          && (statuses.isEmpty || statuses.contains(job.status(at: now).rawValue))
      }
      matches.sort { $0.createdAt > $1.createdAt }
      return .json(.array(matches.prefix(maxJobsPerList).map { context.state.jobJSON($0, at: now) }))
    },
    Route("GET", "jobs/:id") { context in
      .json(context.state.jobJSON(try context.job(), at: context.now))
    },
    Route("GET", "jobs/:id/family") { context in
      let job = try context.job()
      let children = job.childIDs.compactMap(context.state.job).map { context.state.jobJSON($0, at: context.now) }
      return .json(context.state.jobJSON(job, at: context.now).setting("children", to: .array(children)))
    },
    Route("PUT", "jobs/:id/cancel") { context in
      try context.state.cancel(jobId: context.parameter("id"), at: context.now)
      return .empty(204)
    },
  ]
}

extension RouteContext {
  /// Returns the job named by the `id` parameter, or throws 404.
  func job() throws -> JobRecord {
    guard let job = state.job(parameter("id")) else { throw APIError.notFound("Job \(parameter("id"))") }
    return job
  }
}
